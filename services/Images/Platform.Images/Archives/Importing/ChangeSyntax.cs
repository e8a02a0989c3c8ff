using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Images.Archives.Importing;

/// <summary>The Dockerfile syntax changes are written in: lines, exec/shell forms, name=value pairs, ports, paths.</summary>
static partial class ChangeSyntax
{
    static readonly string[] DefaultShell = ["/bin/sh", "-c"];

    /// <summary>Exec form (a JSON array) as is; shell form run by the shell, as the text was written.</summary>
    public static List<string> Command(RunConfig config, string rest) =>
        JsonArray(rest) ?? [.. config.Shell ?? [.. DefaultShell], rest.Trim()];

    public static List<string>? JsonArray(string text)
    {
        text = text.Trim();
        if (!text.StartsWith('[')) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array &&
                   document.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                ? document.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null; // not JSON: Docker falls back to the shell form
        }
    }

    /// <summary>"name=value …" pairs, or the legacy "name value with spaces" form.</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(string instruction, string rest, RunConfig config)
    {
        var raw = rest.Trim();
        if (raw.Length == 0) throw new FormatException($"{instruction} requires at least one argument");
        var firstWord = Whitespace().Split(raw, 2);
        if (!firstWord[0].Contains('='))
        {
            if (firstWord.Length < 2) throw new FormatException($"{instruction} must have two arguments");
            return [(firstWord[0], ChangeWords.Word(firstWord[1], config.Variable))];
        }
        return ChangeWords.Split(raw, config.Variable).Select(word =>
        {
            var eq = word.IndexOf('=');
            if (eq < 0) throw new FormatException($"Syntax error - can't find = in \"{word}\". Must be of the form: name=value");
            if (eq == 0) throw new FormatException($"{instruction} names can not be blank");
            return (word[..eq], word[(eq + 1)..]);
        }).ToList();
    }

    public static IEnumerable<string> ExposedPorts(string spec)
    {
        var slash = spec.IndexOf('/');
        var (ports, protocol) = slash < 0 ? (spec, "tcp") : (spec[..slash], spec[(slash + 1)..].ToLowerInvariant());
        if (protocol is not ("tcp" or "udp" or "sctp")) throw new FormatException($"invalid proto: {protocol}");
        var dash = ports.IndexOf('-');
        var (low, high) = dash < 0 ? (ports, ports) : (ports[..dash], ports[(dash + 1)..]);
        if (!ushort.TryParse(low, out var first) || !ushort.TryParse(high, out var last) || first == 0 || last < first)
            throw new FormatException($"invalid containerPort: {ports}");
        for (var port = (int)first; port <= last; port++) yield return $"{port}/{protocol}";
    }

    /// <summary>Splits changes into (lower-case keyword, rest); "\" at the end of a line continues it, "#" comments.</summary>
    public static IEnumerable<(string Keyword, string Arguments)> Instructions(string text)
    {
        var logical = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimStart();
            if (logical.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                logical += line[..^1];
                continue;
            }
            logical += line;
            var parts = Whitespace().Split(logical.Trim(), 2);
            yield return (parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : "");
            logical = "";
        }
        if (logical.Trim().Length > 0)
        {
            var parts = Whitespace().Split(logical.Trim(), 2);
            yield return (parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : "");
        }
    }

    public static string CleanPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

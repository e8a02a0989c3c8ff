namespace Platform.Testing;

/// <summary>Reads the KEY='value' lines infra.sh writes (shell single-quoting, '\'' for a quote; # comments).</summary>
static class EnvFileFormat
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line.IndexOf('=') is not (> 0 and var eq)) continue;
            var key = line[..eq].Trim();
            if (key.StartsWith("export ", StringComparison.Ordinal)) key = key[7..].Trim();
            variables[key] = Unquote(line[(eq + 1)..].Trim());
        }
        return variables;
    }

    static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\''
            ? value[1..^1].Replace("'\\''", "'")
            : value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}

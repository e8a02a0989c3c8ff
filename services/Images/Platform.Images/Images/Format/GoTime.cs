using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Images.Images.Format;

/// <summary>Times as Go's encoding/json writes them (time.RFC3339Nano: fraction without trailing zeros).</summary>
public static partial class GoTime
{
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static string Rfc3339Nano(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "Z";
    }

    /// <summary>
    /// A config's "created" text as Go re-formats it after parsing: same instant and offset, trailing zeros of the
    /// fraction dropped, "+00:00" kept (only a UTC location prints "Z"). Unparseable text yields null.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        var match = Rfc3339().Match(text);
        if (!match.Success) return ImageConfigFile.ParseTime(text) is { } parsed ? Rfc3339Nano(parsed) : null;
        var fraction = match.Groups[2].Value.TrimEnd('0');
        var zone = match.Groups[3].Value is "z" ? "Z" : match.Groups[3].Value;
        return match.Groups[1].Value + (fraction.Length > 0 ? "." + fraction : "") + zone;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

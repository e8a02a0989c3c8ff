using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>
/// Times as moby's timestamp parsing reads them (since/until of logs, events and filters): a Go duration before now
/// ("10m", "1h30m"), an RFC 3339 date or date-time, or Unix seconds with an optional fraction ("1700000000.123456789").
/// </summary>
public static partial class DockerTimestamps
{
    public static DateTimeOffset Parse(string value, DateTimeOffset now, string parameter = "until")
    {
        if (value != "0" && TryDuration(value, out var duration)) return now - duration;
        if (UnixSeconds().IsMatch(value))
            return DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        throw DockerApiException.BadRequest($"invalid value for '{parameter}': failed to parse value as time or duration: \"{value}\"");
    }

    /// <summary>RFC 3339 with nine fraction digits in UTC, as Go's time.RFC3339Nano with fixed width (log timestamps).</summary>
    public static string Nano(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var nanos = utc.Ticks % TimeSpan.TicksPerSecond * 100;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>Go's RFC3339Nano for JSON fields: trailing zeros of the fraction trimmed; the zero time is "0001-01-01T00:00:00Z".</summary>
    public static string Json(DateTimeOffset time)
    {
        if (time == default) return "0001-01-01T00:00:00Z";
        var text = Nano(time);
        var dot = text.IndexOf('.');
        var fraction = text[(dot + 1)..^1].TrimEnd('0');
        return fraction.Length == 0 ? text[..dot] + "Z" : text[..(dot + 1)] + fraction + "Z";
    }

    static bool TryDuration(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = DurationPart().Matches(value);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != value.TrimStart('-', '+')) return false;
        foreach (Match part in matches)
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }
        if (value.StartsWith('-')) duration = -duration;
        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^\d+(\.\d+)?\z")]
    private static partial Regex UnixSeconds();
}

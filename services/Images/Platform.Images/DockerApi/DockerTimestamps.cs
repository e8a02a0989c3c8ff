using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Images.Images;

namespace Platform.Images.DockerApi;

/// <summary>
/// The until filter's value, as moby's timestamp parsing reads it: a Go duration before now ("10m", "1h30m"), an
/// RFC 3339 date or date-time, or Unix seconds with an optional fraction.
/// </summary>
public static partial class DockerTimestamps
{
    public static DateTimeOffset Parse(string value, DateTimeOffset now)
    {
        if (value != "0" && TryDuration(value, out var duration)) return now - duration;
        if (UnixSeconds().IsMatch(value))
            return DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        throw ImageError.BadRequest($"invalid value for 'until' filter: failed to parse value as time or duration: \"{value}\"");
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

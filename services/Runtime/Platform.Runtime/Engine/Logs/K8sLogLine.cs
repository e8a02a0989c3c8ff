using System.Globalization;
using System.Text;

namespace Platform.Runtime.Engine.Logs;

/// <summary>One line of conmon's k8s-file log: `&lt;RFC3339Nano&gt; stdout|stderr F|P &lt;text&gt;`; P marks a partial line.</summary>
readonly record struct K8sLogLine(DateTimeOffset Time, AttachStream Stream, bool Partial, ReadOnlyMemory<byte> Text)
{
    public static K8sLogLine? Parse(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var first = span.IndexOf((byte)' ');
        if (first <= 0) return null;
        var second = span[(first + 1)..].IndexOf((byte)' ');
        if (second <= 0) return null;
        second += first + 1;
        if (second + 2 > span.Length) return null;
        var partial = span[second + 1] == (byte)'P';
        var textStart = Math.Min(second + 3, span.Length);
        var stream = span[(first + 1)..second].SequenceEqual("stderr"u8) ? AttachStream.Stderr : AttachStream.Stdout;
        return ParseTime(Encoding.ASCII.GetString(span[..first])) is { } time
            ? new K8sLogLine(time, stream, partial, line[textStart..])
            : null;
    }

    /// <summary>RFC 3339 with up to 9 fraction digits (.NET parses 7: the rest is below a tick).</summary>
    public static DateTimeOffset? ParseTime(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var whole) ? whole : null;
        var zone = text.IndexOfAny(['Z', '+', '-'], dot);
        if (zone < 0) return null;
        var digits = text[(dot + 1)..zone];
        var trimmed = text[..dot] + (digits.Length > 0 ? "." + digits[..Math.Min(7, digits.Length)] : "") + text[zone..];
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }
}

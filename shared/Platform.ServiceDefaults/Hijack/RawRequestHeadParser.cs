using System.Buffers;
using System.Text;

namespace Platform.ServiceDefaults.Hijack;

public enum RawRequestHeadStatus
{
    /// <summary>A whole head was parsed.</summary>
    Complete,
    /// <summary>The head has not ended yet: read more bytes and try again.</summary>
    Incomplete,
    /// <summary>Not an HTTP/1.x request head (or a malformed one).</summary>
    Invalid,
    /// <summary>No end of head within the size limit.</summary>
    TooLarge,
}

/// <summary>
/// Parses an HTTP/1.x request head (RFC 9112 §2–5): <c>METHOD SP target SP HTTP/1.x CRLF</c>, then
/// <c>Name: value CRLF</c> lines, then an empty line. Bare LF line ends are accepted, as Kestrel does;
/// obsolete line folding is rejected. Nothing is consumed: the caller decides what to do with the bytes.
/// </summary>
public static class RawRequestHeadParser
{
    public const int DefaultMaxHeadSize = 64 * 1024;

    public static RawRequestHeadStatus TryParse(in ReadOnlySequence<byte> buffer, out RawRequestHead? head,
        int maxHeadSize = DefaultMaxHeadSize)
    {
        head = null;
        var available = (int)Math.Min(buffer.Length, maxHeadSize);
        if (buffer.IsSingleSegment) return TryParse(buffer.FirstSpan[..available], available == maxHeadSize, out head);

        var copy = ArrayPool<byte>.Shared.Rent(available);
        try
        {
            buffer.Slice(0, available).CopyTo(copy);
            return TryParse(copy.AsSpan(0, available), available == maxHeadSize, out head);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    static RawRequestHeadStatus TryParse(ReadOnlySpan<byte> bytes, bool atLimit, out RawRequestHead? head)
    {
        head = null;
        var end = FindEndOfHead(bytes);
        if (end < 0) return atLimit ? RawRequestHeadStatus.TooLarge : RawRequestHeadStatus.Incomplete;

        var lines = bytes[..end];
        var requestLine = NextLine(ref lines);
        if (!TryParseRequestLine(requestLine, out var method, out var target, out var version))
            return RawRequestHeadStatus.Invalid;

        var headers = new List<KeyValuePair<string, string>>();
        while (!lines.IsEmpty)
        {
            var line = NextLine(ref lines);
            if (line.IsEmpty) break;
            if (!TryParseHeader(line, out var header)) return RawRequestHeadStatus.Invalid;
            headers.Add(header);
        }

        var (path, query) = SplitTarget(target);
        head = new RawRequestHead(method, target, path, query, version, headers.ToArray(), end);
        return RawRequestHeadStatus.Complete;
    }

    /// <summary>Index just past the empty line that ends the head, or -1.</summary>
    static int FindEndOfHead(ReadOnlySpan<byte> bytes)
    {
        var from = 0;
        while (true)
        {
            var lf = bytes[from..].IndexOf((byte)'\n');
            if (lf < 0) return -1;
            var i = from + lf;
            if (i + 1 < bytes.Length && bytes[i + 1] == '\n') return i + 2;
            if (i + 2 < bytes.Length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
            from = i + 1;
        }
    }

    static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var lf = rest.IndexOf((byte)'\n');
        var line = lf < 0 ? rest : rest[..lf];
        rest = lf < 0 ? default : rest[(lf + 1)..];
        return line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }

    static bool TryParseRequestLine(ReadOnlySpan<byte> line, out string method, out string target, out string version)
    {
        method = target = version = "";
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1) return false;

        var methodBytes = line[..firstSpace];
        var targetBytes = line[(firstSpace + 1)..lastSpace];
        var versionBytes = line[(lastSpace + 1)..];
        if (!IsToken(methodBytes) || !IsVisible(targetBytes)) return false;
        if (!versionBytes.SequenceEqual("HTTP/1.1"u8) && !versionBytes.SequenceEqual("HTTP/1.0"u8)) return false;

        method = Encoding.ASCII.GetString(methodBytes);
        target = Encoding.ASCII.GetString(targetBytes);
        version = Encoding.ASCII.GetString(versionBytes);
        return true;
    }

    static bool TryParseHeader(ReadOnlySpan<byte> line, out KeyValuePair<string, string> header)
    {
        header = default;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || !IsToken(line[..colon])) return false;   // also rejects obs-fold (leading SP/HT)
        var value = line[(colon + 1)..].Trim(" \t"u8);
        foreach (var b in value)
            if ((b < 0x20 && b != '\t') || b == 0x7F) return false;
        header = new(Encoding.ASCII.GetString(line[..colon]), Encoding.Latin1.GetString(value));
        return true;
    }

    static (string Path, string Query) SplitTarget(string target)
    {
        var start = 0;
        if (!target.StartsWith('/'))
        {
            // absolute-form (http://host/path?q); "*" and authority-form keep the target as the path
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0) return (target, "");
            var slash = target.IndexOf('/', scheme + 3);
            var question = target.IndexOf('?', scheme + 3);
            if (slash < 0 || (question >= 0 && question < slash))
                return ("/", question < 0 ? "" : target[question..]);
            start = slash;
        }
        var q = target.IndexOf('?', start);
        return q < 0 ? (target[start..], "") : (target[start..q], target[q..]);
    }

    static bool IsToken(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return false;
        foreach (var b in bytes)
            if (b <= 0x20 || b >= 0x7F || "\"(),/:;<=>?@[\\]{}"u8.Contains(b)) return false;
        return true;
    }

    static bool IsVisible(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b <= 0x20 || b >= 0x7F) return false;
        return !bytes.IsEmpty;
    }
}

using System.Globalization;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>
/// The head of the first HTTP/1.x request on a connection, as it arrived: request line and header fields.
/// The bytes it was parsed from (<see cref="Length"/> of them) are still unread in the connection's input.
/// </summary>
public sealed class RawRequestHead
{
    readonly KeyValuePair<string, string>[] _headers;

    internal RawRequestHead(string method, string target, string path, string query, string version,
        KeyValuePair<string, string>[] headers, int length)
    {
        Method = method;
        Target = target;
        Path = path;
        Query = query;
        Version = version;
        _headers = headers;
        Length = length;
    }

    /// <summary>"POST", "GET", … as sent (methods are case-sensitive).</summary>
    public string Method { get; }

    /// <summary>The request target exactly as sent, e.g. "/v1.51/containers/4f1c/attach?stream=1".</summary>
    public string Target { get; }

    /// <summary>The path part of the target, not percent-decoded, e.g. "/v1.51/containers/4f1c/attach".</summary>
    public string Path { get; }

    /// <summary>The query including its leading '?', or "" when there is none.</summary>
    public string Query { get; }

    /// <summary>"HTTP/1.1" or "HTTP/1.0".</summary>
    public string Version { get; }

    /// <summary>Size of the head in bytes, request line through the blank line that ends it.</summary>
    public int Length { get; }

    /// <summary>Header fields in the order they arrived, names as sent, values without surrounding whitespace.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The first value of a header (name matched case-insensitively), or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in _headers)
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
            return null;
        }
    }

    /// <summary>Every value of a header, in order (repeated fields are not merged).</summary>
    public IEnumerable<string> GetValues(string name)
    {
        foreach (var (key, value) in _headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) yield return value;
    }

    /// <summary>True when a comma-separated header (Connection, Upgrade, Transfer-Encoding) lists the token.</summary>
    public bool HasToken(string name, string token)
    {
        foreach (var value in GetValues(name))
            foreach (var item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (string.Equals(item, token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The client asks to switch protocols, e.g. <c>Upgrade: tcp</c> (docker CLI, Docker.DotNet.Enhanced).</summary>
    public bool WantsUpgrade => this["Upgrade"] is { Length: > 0 };

    /// <summary>The body is chunked: the last transfer coding is "chunked".</summary>
    public bool IsChunked
    {
        get
        {
            string? last = null;
            foreach (var value in GetValues("Transfer-Encoding"))
                foreach (var item in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    last = item;
            return string.Equals(last, "chunked", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The declared Content-Length; null when absent. Repeated fields must agree.
    /// Throws <see cref="RawHttpException"/> (400) when the value is not a non-negative integer.
    /// </summary>
    public long? ContentLength
    {
        get
        {
            long? length = null;
            foreach (var value in GetValues("Content-Length"))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    || (length is { } seen && seen != parsed))
                    throw new RawHttpException(400, $"invalid Content-Length: {value}");
                length = parsed;
            }
            return length;
        }
    }

    public override string ToString() => $"{Method} {Target} {Version}";
}

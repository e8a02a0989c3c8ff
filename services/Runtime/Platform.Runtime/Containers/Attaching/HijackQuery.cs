using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.Containers.Attaching;

/// <summary>Query parameters of a hijacked request, read with moby's boolean rule.</summary>
public sealed class HijackQuery(RawRequestHead head)
{
    readonly Dictionary<string, Microsoft.Extensions.Primitives.StringValues> _values = QueryHelpers.ParseQuery(head.Query);

    public string Value(string key) => _values.TryGetValue(key, out var v) ? v.FirstOrDefault() ?? "" : "";

    public bool Flag(string key) => Value(key).Trim().ToLowerInvariant() is not ("" or "0" or "no" or "false" or "none");

    /// <summary>The id segment after "containers" or "exec" in the path, percent-decoded.</summary>
    public static string IdOf(RawRequestHead head)
    {
        var segments = head.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s is "containers" or "exec");
        return at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : "";
    }
}

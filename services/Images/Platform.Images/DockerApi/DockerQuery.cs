namespace Platform.Images.DockerApi;

/// <summary>Query parameters as moby's httputils reads them.</summary>
public static class DockerQuery
{
    /// <summary>The first value of a parameter (r.Form.Get), or "".</summary>
    public static string Value(this HttpRequest request, string key) => request.Query[key].FirstOrDefault() ?? "";

    /// <summary>Every value of a repeated parameter (names=a&amp;names=b).</summary>
    public static IReadOnlyList<string> Values(this HttpRequest request, string key) =>
        request.Query[key].Where(v => v is not null).Select(v => v!).ToList();

    /// <summary>BoolValue: anything but "", "0", "no", "false", "none" (any case) is true.</summary>
    public static bool Flag(this HttpRequest request, string key) =>
        request.Value(key).Trim().ToLowerInvariant() is not ("" or "0" or "no" or "false" or "none");

    /// <summary>BoolValueOrDefault: the default when the parameter is absent.</summary>
    public static bool Flag(this HttpRequest request, string key, bool absent) =>
        request.Query.ContainsKey(key) ? request.Flag(key) : absent;
}

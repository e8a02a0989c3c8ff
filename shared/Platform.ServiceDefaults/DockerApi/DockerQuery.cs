using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.DockerApi;

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

    /// <summary>An integer parameter; absent or empty gives <paramref name="absent"/>, garbage is a 400.</summary>
    public static int Int(this HttpRequest request, string key, int absent)
    {
        var text = request.Value(key);
        if (text.Length == 0) return absent;
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw DockerApiException.BadRequest($"invalid value for {key}: \"{text}\": invalid syntax");
    }
}

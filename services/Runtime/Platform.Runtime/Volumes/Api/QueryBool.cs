namespace Platform.Runtime.Volumes.Api;

/// <summary>moby's BoolValue: anything but "", "0", "no", "false", "none" (any case, trimmed) is true.</summary>
public static class QueryBool
{
    public static bool Of(HttpRequest request, string key)
    {
        var value = request.Query[key].ToString().Trim().ToLowerInvariant();
        return value is not ("" or "0" or "no" or "false" or "none");
    }
}

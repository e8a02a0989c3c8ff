namespace Platform.ServiceDefaults.Hijack;

/// <summary>A raw HTTP request that cannot be served, with the status to answer it with (400, 413).</summary>
public sealed class RawHttpException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Distribution.Errors;

/// <summary>Turns a registry's non-success response into a <see cref="RegistryException"/> with a Docker-style message.</summary>
public static class RegistryErrors
{
    const int MaxBody = 64 * 1024;

    public static async Task<RegistryException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await ReadBodyAsync(response, ct);
        return FromBody(response.StatusCode, body);
    }

    public static RegistryException FromBody(HttpStatusCode status, string body)
    {
        var errors = Parse(body);
        var message = errors.Count > 0
            ? string.Join("; ", errors)
            : $"received unexpected HTTP status: {(int)status} {ReasonPhrase(status)}";
        var code = errors.Count > 0 ? errors[0].Code : null;
        var suggested = SuggestStatus(code, status);
        return suggested == 401
            ? new RegistryAuthenticationException(message, errors, status)
            : new RegistryException(message, suggested, errors, status);
    }

    /// <summary>Registry error code (or, without one, HTTP status) → the status the Docker API answers with.</summary>
    public static int SuggestStatus(string? code, HttpStatusCode status) => code switch
    {
        RegistryError.ManifestUnknown or RegistryError.NameUnknown or RegistryError.BlobUnknown => 404,
        RegistryError.Unauthorized => 401,
        RegistryError.Denied => 403,
        RegistryError.TooManyRequests => 429,
        _ => status switch
        {
            HttpStatusCode.NotFound => 404,
            HttpStatusCode.Unauthorized => 401,
            HttpStatusCode.Forbidden => 403,
            HttpStatusCode.TooManyRequests => 429,
            _ => 500,
        },
    };

    public static IReadOnlyList<RegistryError> Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            var parsed = JsonSerializer.Deserialize(body, DistributionJson.Default.ErrorsBody);
            return parsed?.Errors?.Where(e => !string.IsNullOrEmpty(e.Code))
                .Select(e => new RegistryError(e.Code!, e.Message ?? "", e.Detail)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    internal static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxBody];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += n;
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.BadRequest => "Bad Request",
        _ => status.ToString(),
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>
/// Reads a bounded JSON request body: 413 past the limit, 400 naming the place of a syntax error, a wrong type or an
/// unknown field (a misspelt "filter" must not silently subscribe to everything).
/// </summary>
public static class JsonBody
{
    static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, int limit, CancellationToken ct) where T : class
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.Contains("+json", StringComparison.OrdinalIgnoreCase))
            throw new DockerApiException(StatusCodes.Status415UnsupportedMediaType, $"the body must be application/json, not {type}");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw DockerApiException.BadRequest("a JSON body is required");
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Strict)
                ?? throw DockerApiException.BadRequest("the body must be a JSON object, not null");
        }
        catch (JsonException e)
        {
            throw DockerApiException.BadRequest($"malformed JSON at {e.Path ?? "$"}: {Reason(e)}");
        }
    }

    static string Reason(JsonException e) => e.Message.Contains("could not be mapped", StringComparison.Ordinal)
        ? "unknown field"
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "wrong type" : "not valid JSON";

    static DockerApiException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {limit / 1024} KiB");
}

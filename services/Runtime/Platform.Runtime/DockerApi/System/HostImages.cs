using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Runtime.DockerApi.System;

/// <summary>
/// This host's images as its images service lists them (GET /images/json?all=1, Docker's image summaries), for
/// /info's count and /system/df. A short timeout: when images is down or slow, callers get null and go on without.
/// </summary>
public sealed class HostImages(HttpClient http, ILogger<HostImages> logger)
{
    public static HostImages Create(IServiceProvider services) => new(
        new HttpClient
        {
            BaseAddress = new Uri(services.GetRequiredService<IConfiguration>()["Platform:ImagesUrl"] ?? "http://127.0.0.1:5102"),
            Timeout = TimeSpan.FromSeconds(3),
        },
        services.GetRequiredService<ILogger<HostImages>>());

    public async Task<IReadOnlyList<JsonObject>?> ListAsync(CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("/images/json?all=1", ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The images service answered {Status} to the image list", (int)response.StatusCode);
                return null;
            }
            var body = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return body is JsonArray list ? [.. list.OfType<JsonObject>()] : null;
        }
        catch (Exception error) when (error is HttpRequestException or JsonException
            || error is TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("The images service could not list images: {Error}", error.Message);
            return null;
        }
    }
}

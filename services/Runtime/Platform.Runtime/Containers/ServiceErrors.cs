using System.Text.Json;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers;

/// <summary>Another local service's error answer as the DockerApiException it stands for (its message and status).</summary>
public static class ServiceErrors
{
    public static async Task<DockerApiException> FromAsync(HttpResponseMessage response, string service, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var message = body.Length > 0 ? body : $"the {service} service answered {(int)response.StatusCode}";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("message", out var m) && m.GetString() is { } text) message = text;
        }
        catch (JsonException)
        {
        }
        return new DockerApiException((int)response.StatusCode, message);
    }
}

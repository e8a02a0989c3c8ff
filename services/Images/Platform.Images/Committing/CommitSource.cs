using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Images.Archives.Staging;
using Platform.Images.Images;

namespace Platform.Images.Committing;

/// <summary>The container a commit reads, as the runtime's inspect shows it: id, name (no "/"), image id, Config.</summary>
public sealed record InspectedContainer(string Id, string Name, string ImageId, JsonObject Config)
{
    /// <summary>The image as the container was created from it ("busybox"), for the commit event.</summary>
    public string ImageName => Config["Image"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : "";

    /// <summary>moby's history created_by: the container's Cmd joined by spaces.</summary>
    public string CreatedBy => string.Join(' ', RunConfigJson.Read(Config).Cmd ?? []);
}

/// <summary>
/// Reads containers from the host's runtime (<c>Platform:RuntimeUrl</c>): GET /containers/{id}/json, and the
/// writable layer as a tar from GET /_platform/containers/{id}/diff, staged straight to disk while it is hashed.
/// The runtime's refusals (404 No such container, 409) come back as they were said; with no runtime configured,
/// there is no container to find.
/// </summary>
public sealed class CommitSource(HttpClient runtime, bool configured = true)
{
    public async Task<InspectedContainer> InspectAsync(string container, CancellationToken cancellationToken)
    {
        if (!configured || container.Length == 0) throw new ImageError(404, $"No such container: {container}");
        using var response = await SendAsync($"containers/{Uri.EscapeDataString(container)}/json", cancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                   ?? throw ImageError.Internal("the runtime's container inspect is not a JSON object");
        return new InspectedContainer(Text(json, "Id"), Text(json, "Name").TrimStart('/'), Text(json, "Image"),
            json["Config"] is JsonObject config ? (JsonObject)config.DeepClone() : new JsonObject());
    }

    public async Task<StagedBlob> StageDiffAsync(string containerId, bool pause, StagingArea staging, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"_platform/containers/{containerId}/diff?pause={(pause ? 1 : 0)}", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await staging.WriteAsync(body, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            throw ImageError.Internal($"reading the changes of container {containerId} failed: {error.Message}");
        }
    }

    async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await runtime.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw ImageError.Internal($"the runtime at {runtime.BaseAddress} is unavailable: {error.Message}");
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var message = await MessageOf(response, cancellationToken);
            throw response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.BadRequest
                ? new ImageError((int)response.StatusCode, message)
                : ImageError.Internal($"the runtime answered {(int)response.StatusCode}: {message}");
        }
    }

    static async Task<string> MessageOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    static string Text(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
}

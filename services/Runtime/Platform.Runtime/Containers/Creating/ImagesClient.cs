using System.Net.Http.Json;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>The image as images prepared it for a container: its id, its config, and the layer directories to mount.</summary>
public sealed record PreparedImage(string Id, string? Reference, RootfsPlan Plan, ContainerConfig? Config);

public sealed record PrepareImageRequest([property: System.Text.Json.Serialization.JsonPropertyName("image")] string Image);

/// <summary>
/// The hot-path call to this host's images service (architecture.md, "The native performance core"): one local
/// request that resolves the reference, unpacks what is missing and answers what to mount.
/// </summary>
public sealed class ImagesClient(HttpClient http)
{
    public async Task<PreparedImage> PrepareAsync(string image, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("/_platform/images/prepare", new PrepareImageRequest(image),
                ContainersJson.Default.PrepareImageRequest, ct);
        }
        catch (HttpRequestException error)
        {
            throw new DockerApiException(503, $"the image service of this host is unreachable: {error.Message}");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadFromJsonAsync(ContainersJson.Default.PreparedImage, ct)
                    ?? throw new DockerApiException(500, "the image service answered an empty body");
            throw await ServiceErrors.FromAsync(response, "image", ct);
        }
    }
}

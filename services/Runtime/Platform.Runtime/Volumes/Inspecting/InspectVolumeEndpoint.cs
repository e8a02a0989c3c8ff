using Platform.Runtime.DockerApi;
using Platform.Runtime.Volumes.Api;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Volumes.Inspecting;

/// <summary>GET /volumes/{name} → Volume, or 404 "get x: no such volume".</summary>
public static class InspectVolumeEndpoint
{
    public static void MapInspectVolume(this IEndpointRouteBuilder app) =>
        app.MapGet("/volumes/{name}", (string name, VolumeStore store) =>
            store.Find(name) is { } volume
                ? DockerJsonResults.Json(VolumeResponse.From(volume), DockerJson.Default.VolumeResponse)
                : VolumeError.NoSuchVolume(name).ToResult());
}

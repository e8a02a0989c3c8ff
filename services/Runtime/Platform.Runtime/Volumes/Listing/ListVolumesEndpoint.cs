using Platform.Runtime.DockerApi;
using Platform.Runtime.Volumes.Api;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Volumes.Listing;

/// <summary>GET /volumes[?filters=…] → {"Volumes":[…],"Warnings":[]}, ordered by name.</summary>
public static class ListVolumesEndpoint
{
    public static void MapListVolumes(this IEndpointRouteBuilder app) =>
        app.MapGet("/volumes", (HttpRequest request, VolumeStore store) =>
        {
            try
            {
                var matches = VolumeFilters.Predicate(Api.DockerFilters.Parse(request.Query["filters"], VolumeFilters.ListKeys), store.Usage);
                var volumes = store.List().Where(matches).Select(VolumeResponse.From).ToList();
                return DockerJsonResults.Json(new VolumeListResponse(volumes, []), DockerJson.Default.VolumeListResponse);
            }
            catch (VolumeError e) { return e.ToResult(); }
        });
}

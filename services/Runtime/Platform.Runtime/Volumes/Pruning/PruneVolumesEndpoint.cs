using Platform.Runtime.DockerApi;
using Platform.Runtime.Volumes.Api;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Volumes.Pruning;

/// <summary>POST /volumes/prune[?filters=…] → {"VolumesDeleted":[…],"SpaceReclaimed":N}.</summary>
public static class PruneVolumesEndpoint
{
    public static void MapPruneVolumes(this IEndpointRouteBuilder app) =>
        app.MapPost("/volumes/prune", async (HttpRequest request, VolumePruner pruner, CancellationToken ct) =>
        {
            try
            {
                var report = await pruner.PruneAsync(Api.DockerFilters.Parse(request.Query["filters"], VolumeFilters.PruneKeys), ct);
                return DockerJsonResults.Json(report, DockerJson.Default.VolumePruneResponse);
            }
            catch (VolumeError e) { return e.ToResult(); }
        });
}

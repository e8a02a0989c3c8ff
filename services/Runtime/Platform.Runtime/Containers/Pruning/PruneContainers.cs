using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Containers.Listing;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Pruning;

/// <summary>POST /containers/prune's answer; ContainersDeleted is null when nothing went, as moby sends it.</summary>
public sealed record ContainersPruned(IReadOnlyList<string>? ContainersDeleted, long SpaceReclaimed);

/// <summary>
/// POST /containers/prune?filters=: removes every container that is not running (created or exited) and matches the
/// filters, as docker rm would (volumes stay); SpaceReclaimed is the sum of their writable layers. A container that
/// started or went meanwhile is skipped, not an error.
/// </summary>
public static class PruneContainersEndpoint
{
    public static void MapPruneContainers(this IEndpointRouteBuilder app) =>
        app.MapPost("/containers/prune", async (HttpRequest request, ContainerStore store, ContainerLifecycle lifecycle,
            ContainerSizes sizes, TimeProvider time, ILogger<ContainersPruned> logger) =>
        {
            var filters = ContainerPruneFilters.Parse(request.Value("filters"), time.GetUtcNow());
            var deleted = new List<string>();
            long reclaimed = 0;
            foreach (var c in store.All.Where(c => c.Status is ContainerStatus.Created or ContainerStatus.Exited or ContainerStatus.Dead && filters.Matches(c)))
            {
                var size = sizes.Of(c).Rw;
                try
                {
                    await lifecycle.RemoveAsync(c.Id, force: false, removeVolumes: false, CancellationToken.None);
                }
                catch (DockerApiException error)
                {
                    logger.LogWarning("Prune skipped container {Container}: {Error}", c.Id, error.Message);
                    continue;
                }
                deleted.Add(c.Id);
                reclaimed += size;
            }
            return DockerJsonResults.Json(new ContainersPruned(deleted.Count == 0 ? null : deleted, reclaimed),
                ContainersJson.Default.ContainersPruned);
        });
}

using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Top;

/// <summary>GET /containers/{id}/top?ps_args=: the host's ps rows whose pid is in the container's cgroup.</summary>
public static class GetContainerTopEndpoint
{
    public static void MapContainerTop(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/top", async (string id, HttpRequest request, ContainerStore store, ContainerEngine engine, CancellationToken ct) =>
        {
            var c = store.Get(id);
            if (!c.IsRunning) throw DockerApiException.Conflict($"Container {c.Id} is not running");
            var pids = engine.ListPids(c.Id).ToHashSet();
            if (pids.Count == 0) throw DockerApiException.Conflict($"Container {c.Id} is not running");
            var output = await PsCommand.RunAsync(request.Value("ps_args"), pids, ct);
            return DockerJsonResults.Json(ProcessTable.Parse(output, pids), ContainersJson.Default.ContainerTop);
        });
}

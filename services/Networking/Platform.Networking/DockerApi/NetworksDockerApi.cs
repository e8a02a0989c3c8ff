using Platform.Networking.Networks;
using Platform.Networking.Networks.Pruning;
using Platform.Networking.Networks.Removing;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>
/// The /networks routes of the Docker API (the /v{X.Y} prefix is stripped before routing). Connect and disconnect
/// are the runtime's: the gateway sends them there, and it calls this service's endpoint operations.
/// </summary>
public static class NetworksDockerApi
{
    public static WebApplication MapNetworksDockerApi(this WebApplication app)
    {
        var networks = app.MapGroup("/networks");
        networks.MapPost("/create", CreateNetworkEndpoint.HandleAsync);
        networks.MapPost("/prune", PruneAsync);
        networks.MapGet("", List);
        networks.MapGet("/{idOrName}", Inspect);
        networks.MapDelete("/{idOrName}", RemoveAsync);
        return app;
    }

    static IResult List(HttpContext context, NetworkStreams streams)
    {
        var selected = NetworkFilters.Parse(context.Request.Value("filters"));
        var shown = streams.List().Where(selected).OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => NetworkView.Of(n, withContainers: false)).ToList();
        return DockerJsonResults.Json(shown, NetworksJson.Relaxed.ListNetworkResource);
    }

    static IResult Inspect(string idOrName, NetworkStreams streams) =>
        DockerJsonResults.Json(NetworkView.Of(streams.Resolve(idOrName), withContainers: true), NetworksJson.Relaxed.NetworkResource);

    static async Task<IResult> RemoveAsync(string idOrName, NetworkRemover remover, CancellationToken ct)
    {
        await remover.RemoveAsync(idOrName, ct);
        return DockerJsonResults.Bytes([], StatusCodes.Status204NoContent, contentType: null);
    }

    static async Task<IResult> PruneAsync(HttpContext context, NetworkPruner pruner, NetworkStreams streams, CancellationToken ct)
    {
        var selected = PruneFilters.Parse(context.Request.Value("filters"), streams.Now);
        var removed = await pruner.PruneAsync(selected, ct);
        return DockerJsonResults.Json(new NetworksPruneReport(removed), NetworksJson.Relaxed.NetworksPruneReport);
    }
}

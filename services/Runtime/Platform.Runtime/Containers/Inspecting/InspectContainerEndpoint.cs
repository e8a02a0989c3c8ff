using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Inspecting;

public static class InspectContainerEndpoint
{
    public static void MapInspectContainer(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/json", (string id, ContainerStore store, InspectContainer inspect) =>
            DockerJsonResults.Json(inspect.For(store.Get(id)), ContainersJson.Default.ContainerInspect));
}

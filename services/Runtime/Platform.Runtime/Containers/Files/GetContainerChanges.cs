using Platform.Runtime.Containers.Files.Changes;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files;

/// <summary>GET /containers/{id}/changes: what the container changed in its root filesystem, as docker diff lists it.</summary>
public static class GetContainerChanges
{
    public static void MapGetContainerChanges(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/changes", (string id, ContainerStore store, ContainerEngine engine) =>
        {
            var c = store.Get(id);
            var dir = engine.ContainerDir(c.Id);
            var changes = c.Rootfs.Driver switch
            {
                "overlay" => OverlayChanges.Of(Path.Combine(dir, "upper"), c.Rootfs.LowerDirs),
                "vfs" => VfsChanges.Of(Path.Combine(dir, "rootfs"), c.Rootfs.VfsDir ?? throw DockerApiException.BadRequest("vfs rootfs without an image snapshot")),
                _ => throw DockerApiException.BadRequest($"unknown storage driver \"{c.Rootfs.Driver}\""),
            };
            return DockerJsonResults.Json(changes, FilesJson.Default.ListContainerChange);
        });
}

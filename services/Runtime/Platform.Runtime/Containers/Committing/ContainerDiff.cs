using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// GET /_platform/containers/{id}/diff[?pause=0]: the container's writable layer as a layer tar (docker commit's
/// input, asked by images), streamed. A running container is paused while its changes are read (pause=1 by
/// default, as docker commit does) so the layer is one consistent moment; a failure mid-stream aborts the response.
/// </summary>
public static class ContainerDiff
{
    public static void MapContainerDiff(this IEndpointRouteBuilder app) =>
        app.MapGet("/_platform/containers/{id}/diff", async (string id, HttpContext context, ContainerStore store,
            ContainerLifecycle lifecycle, ContainerEngine engine) =>
        {
            var c = store.Get(id);
            var changes = ChangesOf(c, engine);
            var paused = context.Request.Flag("pause", absent: true) && c.Status == ContainerStatus.Running && await TryPauseAsync(lifecycle, c.Id);
            try
            {
                context.Response.ContentType = "application/x-tar";
                await using var tar = new LayerTarWriter(context.Response.Body);
                foreach (var change in changes) await tar.WriteAsync(change, context.RequestAborted);
            }
            catch (Exception) when (context.Response.HasStarted)
            {
                context.Abort(); // a torn layer must not look complete
                throw;
            }
            finally
            {
                if (paused) await TryUnpauseAsync(lifecycle, c.Id);
            }
        });

    static IEnumerable<LayerChange> ChangesOf(Container c, ContainerEngine engine)
    {
        var dir = engine.ContainerDir(c.Id);
        var (root, image) = c.Rootfs.Driver == "vfs"
            ? (Path.Combine(dir, "rootfs"), c.Rootfs.VfsDir)
            : (Path.Combine(dir, "upper"), null);
        if (!Directory.Exists(root))
            throw new DockerApiException(StatusCodes.Status500InternalServerError, $"the root filesystem of container {c.Id} is missing");
        return c.Rootfs.Driver == "vfs" ? VfsChanges.Of(root, image ?? root) : OverlayChanges.Of(root, c.Rootfs.LowerDirs);
    }

    static async Task<bool> TryPauseAsync(ContainerLifecycle lifecycle, string id)
    {
        try
        {
            await lifecycle.PauseAsync(id, CancellationToken.None);
            return true;
        }
        catch (DockerApiException error) when (error.StatusCode == StatusCodes.Status409Conflict)
        {
            return false; // it stopped (or was paused) meanwhile: nothing is writing, or someone else holds the pause
        }
    }

    static async Task TryUnpauseAsync(ContainerLifecycle lifecycle, string id)
    {
        try
        {
            await lifecycle.UnpauseAsync(id, CancellationToken.None);
        }
        catch (DockerApiException)
        {
            // stopped or removed meanwhile: nothing left to resume
        }
    }
}

using Microsoft.AspNetCore.Http.Features;
using Platform.Runtime.Containers.Files.Extracting;
using Platform.Runtime.Containers.Files.Native;
using Platform.Runtime.Containers.Files.Resolving;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files;

/// <summary>
/// PUT /containers/{id}/archive?path=&amp;noOverwriteDirNonDir=&amp;copyUIDGID=: unpacks the tar body (any length, streamed)
/// into a directory of the container, in any state. The path is followed to the end (a symlink to a directory is
/// fine); it must exist (404) and be a directory (400), in a writable rootfs or volume (400, as moby's errdefs).
/// </summary>
public static class ExtractToContainer
{
    public static void MapExtractToContainer(this IEndpointRouteBuilder app) =>
        app.MapPut("/containers/{id}/archive", async (string id, HttpContext context, ContainerFiles files, CancellationToken ct) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
            var request = context.Request;
            var requested = StatContainerPath.RequestedPath(request);
            var (container, fs) = await files.OpenAsync(id, ct);
            using (fs)
            {
                var destination = fs.Resolve(requested, followLast: true);
                var stat = fs.Stat(destination) ?? throw StatContainerPath.NotFound(requested, id);
                if (!stat.IsDirectory) throw DockerApiException.BadRequest("extraction point is not a directory");
                if (!destination.Mount.Writable)
                    throw DockerApiException.BadRequest(destination.Mount.IsRoot ? "container rootfs is marked read-only" : "mounted volume is marked read-only");
                var owner = request.Flag("copyUIDGID") ? ContainerOwner.Of(container, fs) : null;
                var extractor = new TarExtractor(fs, destination.Path, request.Flag("noOverwriteDirNonDir"), owner);
                try
                {
                    await extractor.ExtractAsync(request.Body, ct);
                }
                catch (Exception e) when (e is FileCallException or InvalidDataException or FormatException or EndOfStreamException)
                {
                    throw new DockerApiException(e is FileCallException ? 500 : 400, $"Error processing tar file: {e.Message}");
                }
            }
            return Results.Ok();
        });
}

/// <summary>copyUIDGID: every extracted entry belongs to the container's user (moby's tarCopyOptions), unless it has none.</summary>
static class ContainerOwner
{
    public static (uint Uid, uint Gid)? Of(Container container, ContainerFileSystem fs)
    {
        if (string.IsNullOrEmpty(container.Config.User)) return null;
        var tables = Directory.CreateTempSubdirectory("platform-owner-");
        try
        {
            Directory.CreateDirectory(Path.Combine(tables.FullName, "etc"));
            foreach (var table in new[] { "passwd", "group" }) Copy(fs, "/etc/" + table, Path.Combine(tables.FullName, "etc", table));
            var user = Engine.Spec.UserResolver.Resolve(tables.FullName, container.Config.User);
            return (user.Uid, user.Gid);
        }
        catch (Engine.EngineException e)
        {
            throw DockerApiException.BadRequest(e.Message);
        }
        finally
        {
            tables.Delete(recursive: true);
        }
    }

    /// <summary>Read through the container's view: its /etc/passwd may be a symlink meant to point at the host's.</summary>
    static void Copy(ContainerFileSystem fs, string path, string to)
    {
        try
        {
            using var handle = fs.Open(fs.Resolve(path, followLast: true), FileCalls.O_RDONLY | FileCalls.O_NONBLOCK);
            using var source = new FileStream(handle, FileAccess.Read, 0);
            using var target = File.Create(to);
            source.CopyTo(target);
        }
        catch (FileCallException e) when (e.IsNotFound) { }
    }
}

using System.Formats.Tar;
using Platform.Runtime.Containers.Files.Archiving;
using Platform.Runtime.Containers.Files.Resolving;

namespace Platform.Runtime.Containers.Files;

/// <summary>
/// GET /containers/{id}/archive?path=: the stat header, then a tar of the path: with a Content-Length when it is small, streamed
/// chunked past <see cref="LengthFirstBody.DefaultLimit"/>. A file is one entry named
/// by its base name; a directory comes with its content under its base name; "dir/." gives the content under ".";
/// a symlink at the end of the path is archived as the link (docker cp -L asks again for its linkTarget).
/// </summary>
public static class ArchiveContainerPath
{
    public static void MapArchiveContainerPath(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/archive", async (string id, HttpContext context, ContainerFiles files, CancellationToken ct) =>
        {
            var requested = StatContainerPath.RequestedPath(context.Request);
            var (_, fs) = await files.OpenAsync(id, ct);
            using (fs)
            {
                var (path, stat) = StatContainerPath.Stat(fs, requested, id);
                var response = context.Response;
                response.Headers[PathStat.Header] = stat.Encoded();
                response.ContentType = "application/x-tar";
                var body = new LengthFirstBody(response);
                await using (var tar = new TarWriter(body, TarEntryFormat.Pax, leaveOpen: true))
                    await new TreeArchiver(fs, tar, crossMounts: true).WriteAsync(path, stat.Name == "/" ? "." : stat.Name, ct);
                await body.CompleteAsync(ct);
            }
            return Results.Empty;
        });
}

using System.Formats.Tar;
using Platform.Runtime.Containers.Files.Archiving;

namespace Platform.Runtime.Containers.Files;

/// <summary>
/// GET /containers/{id}/export: the container's root filesystem as one tar (the merged view: image plus changes),
/// streamed; names relative to the root ("bin/busybox"), volumes and binds left out, as moby exports.
/// </summary>
public static class ExportContainer
{
    public static void MapExportContainer(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/export", async (string id, HttpContext context, ContainerFiles files, CancellationToken ct) =>
        {
            var (_, fs) = await files.OpenAsync(id, ct);
            using (fs)
            {
                context.Response.ContentType = "application/x-tar";
                await context.Response.StartAsync(ct);
                await using var tar = new TarWriter(context.Response.Body, TarEntryFormat.Pax, leaveOpen: true);
                await new TreeArchiver(fs, tar, crossMounts: false).WriteContentAsync(fs.Locate("/"), ct);
            }
            return Results.Empty;
        });
}

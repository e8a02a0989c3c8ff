using Platform.Images.DockerApi.Removing;
using Platform.Images.Images;
using Platform.Images.Images.Pruning;
using Platform.Images.Images.Removing;
using Platform.Images.Images.Resolving;
using Platform.Images.Images.Writing;

namespace Platform.Images.DockerApi.Pruning;

/// <summary>
/// POST /images/prune?filters=…: docker image prune [-a] → {"ImagesDeleted":[…]|null,"SpaceReclaimed":n}. Filters:
/// dangling (default true; false = every unused image), until, label, label!. SpaceReclaimed counts the layers no
/// remaining image shares — what garbage collection of blobs and snapshots frees.
/// </summary>
public static class PruneImagesEndpoint
{
    static readonly string[] Accepted = ["dangling", "label", "label!", "until"];

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var filters = DockerFilters.Parse(context.Request.Value("filters"), Accepted);
        if (filters.Get("until").Count > 1) throw ImageError.BadRequest("more than one until filter specified");
        var command = new PruneImages(
            filters.Bool("dangling", absent: true),
            filters.Get("until") is [var until] ? DockerTimestamps.Parse(until, DateTimeOffset.UtcNow) : null,
            filters.Get("label"),
            filters.Get("label!"));
        var usage = await context.RequestServices.GetRequiredService<IImageUsage>().ContainersByImageAsync(context.HostId(), cancellationToken);
        var writer = context.RequestServices.GetRequiredService<ImageWriter>();
        var (removal, reclaimed) = await writer.WriteAsync(async (write, token) =>
        {
            var images = new List<Image>();
            foreach (var listed in await ImageResolver.ListAsync(write.Query, write.HostId, token))
                if (await write.GetAsync(listed.ImageId, token) is { Deleted: false } image) images.Add(image);
            var decided = PruneImages.Decide(images, command, usage, write.Now);
            await write.AppendAsync(decided.Events, token);
            return (decided, Reclaimed(images, decided));
        }, cancellationToken);
        await RemoveImageEndpoint.CollectAsync(context, removal);

        var deleted = removal.Records.Select(r => new DeleteResponseItem(r.Untagged, r.Deleted)).ToList();
        return DockerResults.Json(new PruneReport(deleted.Count > 0 ? deleted : null, reclaimed), ImagesJson.Relaxed.PruneReport);
    }

    /// <summary>The unpacked size of the layers that only deleted images used.</summary>
    static long Reclaimed(IReadOnlyList<Image> images, Removal removal)
    {
        var deletedIds = removal.Records.Where(r => r.Deleted is not null).Select(r => r.Deleted!).ToHashSet();
        var kept = images.Where(i => !deletedIds.Contains(i.ImageId)).SelectMany(i => i.Content.Layers).Select(l => l.DiffId).ToHashSet();
        return images.Where(i => deletedIds.Contains(i.ImageId)).SelectMany(i => i.Content.Layers)
            .DistinctBy(l => l.DiffId).Where(l => !kept.Contains(l.DiffId)).Sum(l => l.DiffSize);
    }
}

using Platform.Images.Images;
using Platform.Images.Images.Collecting;
using Platform.Images.Images.Removing;
using Platform.Images.Images.Writing;

namespace Platform.Images.DockerApi.Removing;

/// <summary>
/// DELETE /images/{name}?force=&amp;noprune=: docker rmi → 200 [{"Untagged":…},{"Deleted":…}]. Only an untag while
/// other references remain; 409 when references from several repositories remain (by id, without force) or a
/// container uses the image (from <see cref="IImageUsage"/>). A deleted image's snapshots and blobs no other image
/// uses are freed once the deletion is committed. noprune is accepted: images here have no parent images (nothing
/// builds them yet), and layers are freed either way, as Docker releases its layers.
/// </summary>
public static class RemoveImageEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        if (name.Trim().Length == 0) throw ImageError.BadRequest("image name cannot be blank");
        var force = context.Request.Flag("force");
        var usage = await context.RequestServices.GetRequiredService<IImageUsage>().ContainersByImageAsync(context.HostId(), cancellationToken);
        var writer = context.RequestServices.GetRequiredService<ImageWriter>();
        var removal = await writer.WriteAsync(async (write, token) =>
        {
            var image = await write.ResolveAsync(name, token);
            var decided = RemoveImage.Decide(image, new RemoveImage(name, force), usage.Of(image.ImageId), write.Now);
            await write.AppendAsync(decided.Events, token);
            return decided;
        }, cancellationToken);
        await CollectAsync(context, removal);
        return DockerResults.Json(removal.Records.Select(r => new DeleteResponseItem(r.Untagged, r.Deleted)).ToList(),
            ImagesJson.Relaxed.ListDeleteResponseItem);
    }

    /// <summary>After the commit, never before: the deleted images' snapshots and blobs no other image uses.</summary>
    public static Task<CollectionResult> CollectAsync(HttpContext context, Removal removal) =>
        context.RequestServices.GetRequiredService<ImageCollector>().CollectAsync(
            removal.Records.Where(r => r.Deleted is not null).Select(r => r.Deleted!).ToList(),
            Collection.RepositoryDigestsOf(removal));
}

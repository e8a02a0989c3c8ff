using Platform.Images.Content;
using Platform.Images.Distribution;
using Platform.Images.Distribution.Pushing;
using Platform.Images.Images;
using Platform.Images.Images.Index;
using Platform.Images.Images.Resolving;
using Platform.Images.Images.Tagging;
using Platform.Images.Images.Writing;
using Platform.Images.References;

namespace Platform.Images.DockerApi.Distribution;

/// <summary>
/// POST /images/{name}/push?tag=… — docker push. The name is the repository (normalised, <c>localhost:5000/app</c>);
/// with a tag that one tag is pushed, without one every tag of the repository, one after the other in one stream (as
/// moby does). Each image's recorded manifest is pushed as is; afterwards the repository digest the registry now
/// serves (<c>name@sha256:…</c>) points at the image, so RepoDigests shows it.
/// </summary>
public static class PushImage
{
    public static async Task<IResult> HandleAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        var repository = Repository(name, context.Request.Value("tag"));
        var targets = await TargetsAsync(context, repository, cancellationToken);
        var pusher = context.RequestServices.GetRequiredService<ImagePusher>();
        var writer = context.RequestServices.GetRequiredService<ImageWriter>();
        var credentials = RegistryStreams.Credentials(context.Request);
        var progress = RegistryStreams.Open(context);

        return await RegistryStreams.RunAsync(context, progress, async () =>
        {
            foreach (var (tag, image) in targets)
            {
                var target = new RemoteReference(tag.Domain, tag.Path, tag.Tag);
                var pushed = await pusher.PushAsync(new PushRequest(target, Digest.Parse(image.Content.ManifestDigest), credentials)
                {
                    MediaType = image.Content.ManifestMediaType,
                }, progress, cancellationToken);
                var repoDigest = tag.TrimmedToName() with { Digest = pushed.Digest.ToString() };
                await writer.WriteAsync(async (write, token) =>
                {
                    var current = await write.GetAsync(image.ImageId, token);
                    if (current is not { Deleted: false }) return false; // removed meanwhile: nothing to point at
                    var owner = await write.OwnerOfAsync(repoDigest, token);
                    await write.AppendAsync(TagImage.Decide(current, owner, new TagImage(repoDigest), write.Now), token);
                    return true;
                }, cancellationToken);
            }
        });
    }

    /// <summary>The repository (no digest allowed) with the tag to push, or none for all tags.</summary>
    static ImageReference Repository(string name, string tag)
    {
        try
        {
            var reference = ImageReferences.ParseNormalized(name);
            if (reference.IsCanonical) throw ImageError.BadRequest("cannot push a digest reference");
            return tag.Length > 0 ? reference.WithTag(tag) : reference;
        }
        catch (ReferenceFormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
    }

    /// <summary>Each tag to push and the image it names; none is Docker's 404 "An image does not exist locally with the tag".</summary>
    static async Task<IReadOnlyList<(ImageReference Tag, Image Image)>> TargetsAsync(HttpContext context, ImageReference repository,
        CancellationToken cancellationToken)
    {
        var session = context.Query();
        var hostId = context.HostId();
        IReadOnlyList<ImageReference> tags = repository.IsTagged
            ? [repository]
            : (await ImageResolver.ReferencesOfAsync(session, hostId, repository.Name, cancellationToken))
                .Select(entry => ImageReferences.Parse(entry.Reference)).Where(reference => reference is { IsTagged: true, IsCanonical: false })
                .OrderBy(reference => reference.Tag, StringComparer.Ordinal).ToList();
        var targets = new List<(ImageReference, Image)>();
        foreach (var tag in tags)
        {
            var entry = await session.LoadAsync<IndexedReference>(IndexedReference.KeyOf(hostId, tag.ToString()), cancellationToken);
            var image = entry is null ? null : await session.LoadAsync<Image>(ImageStreams.Key(hostId, entry.ImageId), cancellationToken);
            if (image is { Deleted: false }) targets.Add((tag, image));
        }
        if (targets.Count == 0 || (repository.IsTagged && targets.Count != 1))
            throw new ImageError(404, $"An image does not exist locally with the tag: {repository.FamiliarName}");
        return targets;
    }
}

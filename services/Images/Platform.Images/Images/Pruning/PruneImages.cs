using Platform.Images.Images.Removing;

namespace Platform.Images.Images.Pruning;

/// <summary>
/// docker image prune [-a] [--filter until=… label=… label!=…], as moby's ImagePrune decides it: dangling images
/// (no tag) by default, every image with -a; each goes through the removal rules, and an image a removal refuses (a
/// container uses it) is skipped, not an error.
/// </summary>
public sealed record PruneImages(
    bool DanglingOnly,
    DateTimeOffset? Until,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> NotLabels)
{
    public static Removal Decide(IReadOnlyList<Image> images, PruneImages command,
        IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>> usage, DateTimeOffset now)
    {
        var result = Removal.Nothing;
        foreach (var image in images.Where(i => !i.Deleted && command.Selects(i)).OrderBy(i => i.ImageId, StringComparer.Ordinal))
            result = result.Then(PruneOne(image, command, usage.Of(image.ImageId), now));
        return result;
    }

    bool Selects(Image image)
    {
        if (Until is { } until && (image.Content.Created is not { } created || created > until)) return false;
        if (!LabelMatch.All(Labels, image.Content.Labels)) return false;
        return NotLabels.Count == 0 || !LabelMatch.All(NotLabels, image.Content.Labels);
    }

    static Removal PruneOne(Image image, PruneImages command, IReadOnlyList<ContainerUse> containers, DateTimeOffset now)
    {
        if (image.References.Count == 0) return TryRemove(image, image.ImageId["sha256:".Length..], containers, now).Removal;

        var references = image.ParsedReferences();
        if (command.DanglingOnly && references.Any(r => r.IsTagged && !r.IsCanonical)) return Removal.Nothing;
        var result = Removal.Nothing;
        var current = image;
        foreach (var reference in references)
        {
            var (removal, next) = TryRemove(current, reference.ToString(), containers, now);
            result = result.Then(removal);
            current = next;
            if (current.Deleted) break;
        }
        return result;
    }

    static (Removal Removal, Image Next) TryRemove(Image image, string name, IReadOnlyList<ContainerUse> containers, DateTimeOffset now)
    {
        try
        {
            var removal = RemoveImage.Decide(image, new RemoveImage(name, Force: false), containers, now);
            return (removal, removal.Events.Aggregate(image, (state, e) => Image.Fold(state, e)));
        }
        catch (ImageError error) when (error.Status == 409)
        {
            return (Removal.Nothing, image);
        }
    }
}

using Platform.Images.References;

namespace Platform.Images.Images.Tagging;

/// <summary>
/// Point a reference (a tag, or a repository digest) at an image. A reference points at one image only: when it
/// pointed at another one, that image is untagged in the same decision, so the move is one atomic write.
/// </summary>
public sealed record TagImage(ImageReference Reference)
{
    /// <param name="target">The image to tag.</param>
    /// <param name="owner">The image the reference points at now, if any (may be the target).</param>
    public static IReadOnlyList<object> Decide(Image? target, Image? owner, TagImage command, DateTimeOffset now)
    {
        if (target is not { Deleted: false }) throw ImageError.NotFound(command.Reference.Familiar);
        var reference = command.Reference.ForLookup();
        if (reference.IsTagged && reference.FamiliarName == "sha256")
            throw ImageError.BadRequest("refusing to create an ambiguous tag using digest algorithm as name");

        var text = reference.ToString();
        var events = new List<object>();
        if (owner is { Deleted: false } && owner.ImageId != target.ImageId && owner.References.Contains(text))
            events.Add(new ImageUntagged(owner.ImageId, owner.HostId, text, now));
        events.Add(new ImageTagged(target.ImageId, target.HostId, text, now));
        return events;
    }
}

using Platform.Images.Images.Tagging;
using Platform.Images.Images.Writing;
using Platform.Images.References;

namespace Platform.Images.Images.Recording;

/// <summary>
/// Records an arrived image and points its references at it, inside one locked write: import, load and (later)
/// pull all end here. Returns the references that were moved away from another image, which docker load reports.
/// </summary>
public static class ImageRecorder
{
    public static async Task<IReadOnlyList<MovedReference>> RecordAsync(ImageWriteSession write, RecordImage command,
        IReadOnlyList<ImageReference> references, CancellationToken cancellationToken)
    {
        var image = await write.GetAsync(command.ImageId, cancellationToken);
        await write.AppendAsync(RecordImage.Decide(image, command, write.Now), cancellationToken);

        var moved = new List<MovedReference>();
        foreach (var reference in references)
        {
            var owner = await write.OwnerOfAsync(reference.ForLookup(), cancellationToken);
            var target = await write.GetAsync(command.ImageId, cancellationToken);
            await write.AppendAsync(TagImage.Decide(target, owner, new TagImage(reference), write.Now), cancellationToken);
            if (owner is not null && owner.ImageId != command.ImageId) moved.Add(new MovedReference(reference, owner.ImageId));
        }
        return moved;
    }
}

/// <summary>A reference that pointed at <paramref name="PreviousImageId"/> before this write moved it.</summary>
public sealed record MovedReference(ImageReference Reference, string PreviousImageId);

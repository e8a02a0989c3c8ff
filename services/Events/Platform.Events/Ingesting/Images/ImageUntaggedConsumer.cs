using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>
/// images.image-untagged → "image"/"untag": a reference removed from an image (name = the image id, as Docker logs it).
/// Docker's event does not say which reference went, so it travels as a detail, for the fleet's image view.
/// </summary>
public sealed class ImageUntaggedConsumer(StateLogWriter log) : IConsumer<ImageUntagged>
{
    public Task Consume(ConsumeContext<ImageUntagged> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "untag", message.ImageId, message.HostId,
            message.ImageId, message.UntaggedAt, new Dictionary<string, string> { [ImageLogEntries.ReferenceDetail] = message.FamiliarReference }),
            context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>images.image-tagged → "image"/"tag": a reference pointed at an image (name = the reference).</summary>
public sealed class ImageTaggedConsumer(StateLogWriter log) : IConsumer<ImageTagged>
{
    public Task Consume(ConsumeContext<ImageTagged> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "tag", message.ImageId, message.HostId,
            message.FamiliarReference, message.TaggedAt), context.CancellationToken);
    }
}

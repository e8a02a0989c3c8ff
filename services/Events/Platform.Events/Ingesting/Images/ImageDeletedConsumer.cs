using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>images.image-deleted → "image"/"delete": an image removed.</summary>
public sealed class ImageDeletedConsumer(StateLogWriter log) : IConsumer<ImageDeleted>
{
    public Task Consume(ConsumeContext<ImageDeleted> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "delete", message.ImageId, message.HostId,
            message.ImageId, message.DeletedAt), context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>images.image-loaded → "image"/"load": an image loaded (docker load).</summary>
public sealed class ImageLoadedConsumer(StateLogWriter log) : IConsumer<ImageLoaded>
{
    public Task Consume(ConsumeContext<ImageLoaded> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "load", message.ImageId, message.HostId,
            message.ImageId, message.LoadedAt), context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>images.image-pulled → "image"/"pull": an image pulled (name = the repository, as Docker logs it).</summary>
public sealed class ImagePulledConsumer(StateLogWriter log) : IConsumer<ImagePulled>
{
    public Task Consume(ConsumeContext<ImagePulled> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "pull", message.ImageId, message.HostId,
            message.FamiliarName, message.PulledAt), context.CancellationToken);
    }
}

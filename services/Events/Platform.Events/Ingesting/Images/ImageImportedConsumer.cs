using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>images.image-imported → "image"/"import": an image imported (docker import).</summary>
public sealed class ImageImportedConsumer(StateLogWriter log) : IConsumer<ImageImported>
{
    public Task Consume(ConsumeContext<ImageImported> context)
    {
        var message = context.Message;
        return log.RecordAsync(ImageLogEntries.Entry(context.RequiredMessageId(), "import", message.ImageId, message.HostId,
            message.ImageId, message.ImportedAt), context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Images;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Images;

/// <summary>
/// images.image-committed → "container"/"commit", as moby logs a commit: on the container (actor = its id), with
/// comment, imageID and imageRef, then image and name.
/// </summary>
public sealed class ImageCommittedConsumer(StateLogWriter log) : IConsumer<ImageCommitted>
{
    public Task Consume(ConsumeContext<ImageCommitted> context)
    {
        var m = context.Message;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["comment"] = m.Comment,
            ["imageID"] = m.ImageId,
            ["imageRef"] = m.Reference,
        };
        if (m.ContainerImage.Length > 0) attributes["image"] = m.ContainerImage;
        attributes["name"] = m.ContainerName;
        return log.RecordAsync(new LogEntryRecorded(
            Resource: $"container:{m.ContainerId}",
            context.RequiredMessageId(),
            Type: "container",
            Action: "commit",
            m.HostId,
            Service: "images",
            ActorId: m.ContainerId,
            Attributes: attributes,
            m.CommittedAt), context.CancellationToken);
    }
}

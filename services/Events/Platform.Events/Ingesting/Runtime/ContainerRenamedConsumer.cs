using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-renamed → "container"/"rename", oldName with its leading "/" as Docker reports it.</summary>
public sealed class ContainerRenamedConsumer(StateLogWriter log) : IConsumer<ContainerRenamed>
{
    public Task Consume(ConsumeContext<ContainerRenamed> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "rename", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.RenamedAt, ("oldName", "/" + m.OldName)), context.CancellationToken);
    }
}

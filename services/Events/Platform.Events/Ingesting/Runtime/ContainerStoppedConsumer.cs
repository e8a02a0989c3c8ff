using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-stopped → "container"/"stop".</summary>
public sealed class ContainerStoppedConsumer(StateLogWriter log) : IConsumer<ContainerStopped>
{
    public Task Consume(ConsumeContext<ContainerStopped> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "stop", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.StoppedAt), context.CancellationToken);
    }
}

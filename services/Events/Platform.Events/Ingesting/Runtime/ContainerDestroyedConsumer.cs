using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-destroyed → "container"/"destroy".</summary>
public sealed class ContainerDestroyedConsumer(StateLogWriter log) : IConsumer<ContainerDestroyed>
{
    public Task Consume(ConsumeContext<ContainerDestroyed> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "destroy", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.DestroyedAt), context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-unpaused → "container"/"unpause".</summary>
public sealed class ContainerUnpausedConsumer(StateLogWriter log) : IConsumer<ContainerUnpaused>
{
    public Task Consume(ConsumeContext<ContainerUnpaused> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "unpause", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.UnpausedAt), context.CancellationToken);
    }
}

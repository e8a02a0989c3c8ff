using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-paused → "container"/"pause".</summary>
public sealed class ContainerPausedConsumer(StateLogWriter log) : IConsumer<ContainerPaused>
{
    public Task Consume(ConsumeContext<ContainerPaused> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "pause", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.PausedAt), context.CancellationToken);
    }
}

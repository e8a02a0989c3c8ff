using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-started → "container"/"start".</summary>
public sealed class ContainerStartedConsumer(StateLogWriter log) : IConsumer<ContainerStarted>
{
    public Task Consume(ConsumeContext<ContainerStarted> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "start", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.StartedAt), context.CancellationToken);
    }
}

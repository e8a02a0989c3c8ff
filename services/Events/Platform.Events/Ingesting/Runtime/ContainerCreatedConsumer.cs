using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-created → "container"/"create".</summary>
public sealed class ContainerCreatedConsumer(StateLogWriter log) : IConsumer<ContainerCreated>
{
    public Task Consume(ConsumeContext<ContainerCreated> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "create", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.CreatedAt), context.CancellationToken);
    }
}

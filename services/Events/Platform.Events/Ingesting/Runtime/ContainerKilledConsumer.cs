using System.Globalization;
using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-killed → "container"/"kill", with the signal number as Docker reports it.</summary>
public sealed class ContainerKilledConsumer(StateLogWriter log) : IConsumer<ContainerKilled>
{
    public Task Consume(ConsumeContext<ContainerKilled> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "kill", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.KilledAt, ("signal", m.Signal.ToString(CultureInfo.InvariantCulture))), context.CancellationToken);
    }
}

using System.Globalization;
using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.container-exited → "container"/"die", with the exit code as Docker reports it.</summary>
public sealed class ContainerExitedConsumer(StateLogWriter log) : IConsumer<ContainerExited>
{
    public Task Consume(ConsumeContext<ContainerExited> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "die", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.ExitedAt, ("exitCode", m.ExitCode.ToString(CultureInfo.InvariantCulture))), context.CancellationToken);
    }
}

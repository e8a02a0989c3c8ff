using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.exec-started → "container"/"exec_start: &lt;cmd&gt;" with the execID, as Docker logs it.</summary>
public sealed class ExecStartedConsumer(StateLogWriter log) : IConsumer<ExecStarted>
{
    public Task Consume(ConsumeContext<ExecStarted> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), ExecActions.WithCommand("exec_start", m.Command),
            m.ContainerId, m.HostId, m.Name, m.Image, m.Labels, m.StartedAt, ("execID", m.ExecId)), context.CancellationToken);
    }
}

using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.exec-created → "container"/"exec_create: &lt;cmd&gt;" with the execID, as Docker logs it.</summary>
public sealed class ExecCreatedConsumer(StateLogWriter log) : IConsumer<ExecCreated>
{
    public Task Consume(ConsumeContext<ExecCreated> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), ExecActions.WithCommand("exec_create", m.Command),
            m.ContainerId, m.HostId, m.Name, m.Image, m.Labels, m.CreatedAt, ("execID", m.ExecId)), context.CancellationToken);
    }
}

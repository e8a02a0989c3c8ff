using System.Globalization;
using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.exec-died → "container"/"exec_die" with the execID and the exit code, as Docker logs it.</summary>
public sealed class ExecDiedConsumer(StateLogWriter log) : IConsumer<ExecDied>
{
    public Task Consume(ConsumeContext<ExecDied> context)
    {
        var m = context.Message;
        return log.RecordAsync(ContainerLogEntries.Entry(context.RequiredMessageId(), "exec_die", m.ContainerId, m.HostId, m.Name,
            m.Image, m.Labels, m.DiedAt, ("execID", m.ExecId), ("exitCode", m.ExitCode.ToString(CultureInfo.InvariantCulture))),
            context.CancellationToken);
    }
}

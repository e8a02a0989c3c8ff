using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.volume-destroyed → "volume"/"destroy" on volume:&lt;host&gt;/&lt;name&gt;, attribute driver (Docker's).</summary>
public sealed class VolumeDestroyedConsumer(StateLogWriter log) : IConsumer<VolumeDestroyed>
{
    public Task Consume(ConsumeContext<VolumeDestroyed> context)
    {
        var m = context.Message;
        return log.RecordAsync(new LogEntryRecorded($"volume:{m.HostId}/{m.Name}", context.RequiredMessageId(), "volume", "destroy",
            m.HostId, "runtime", m.Name, new Dictionary<string, string> { ["driver"] = m.Driver }, m.DestroyedAt), context.CancellationToken);
    }
}

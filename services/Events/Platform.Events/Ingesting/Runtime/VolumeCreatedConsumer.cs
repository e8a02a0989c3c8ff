using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.volume-created → "volume"/"create" on volume:&lt;host&gt;/&lt;name&gt;, attribute driver (Docker's).</summary>
public sealed class VolumeCreatedConsumer(StateLogWriter log) : IConsumer<VolumeCreated>
{
    public Task Consume(ConsumeContext<VolumeCreated> context)
    {
        var m = context.Message;
        return log.RecordAsync(new LogEntryRecorded($"volume:{m.HostId}/{m.Name}", context.RequiredMessageId(), "volume", "create",
            m.HostId, "runtime", m.Name, new Dictionary<string, string> { ["driver"] = m.Driver }, m.CreatedAt), context.CancellationToken);
    }
}

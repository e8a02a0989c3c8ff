using MassTransit;
using Platform.Contracts.Networking;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Networking;

/// <summary>networking.network-removed → "network"/"destroy" on network:&lt;id&gt;, with Docker's name/type attributes.</summary>
public sealed class NetworkRemovedConsumer(StateLogWriter log) : IConsumer<NetworkRemoved>
{
    public Task Consume(ConsumeContext<NetworkRemoved> context)
    {
        var m = context.Message;
        return log.RecordAsync(new LogEntryRecorded($"network:{m.NetworkId}", context.RequiredMessageId(), "network", "destroy",
            m.HostId, "networking", m.NetworkId, new Dictionary<string, string> { ["name"] = m.Name, ["type"] = m.Driver },
            m.RemovedAt), context.CancellationToken);
    }
}

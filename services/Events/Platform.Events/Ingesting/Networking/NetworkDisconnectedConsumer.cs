using MassTransit;
using Platform.Contracts.Networking;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Networking;

/// <summary>networking.network-disconnected → "network"/"disconnect" on network:&lt;id&gt;, attributes container, name, type.</summary>
public sealed class NetworkDisconnectedConsumer(StateLogWriter log) : IConsumer<NetworkDisconnected>
{
    public Task Consume(ConsumeContext<NetworkDisconnected> context)
    {
        var m = context.Message;
        return log.RecordAsync(new LogEntryRecorded($"network:{m.NetworkId}", context.RequiredMessageId(), "network", "disconnect",
            m.HostId, "networking", m.NetworkId,
            new Dictionary<string, string> { ["container"] = m.ContainerId, ["name"] = m.NetworkName, ["type"] = "bridge" },
            m.DisconnectedAt), context.CancellationToken);
    }
}

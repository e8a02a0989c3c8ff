using MassTransit;
using Platform.Contracts.Networking;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Networking;

/// <summary>networking.network-connected → "network"/"connect" on network:&lt;id&gt;, attributes container, name, type (Docker's).</summary>
public sealed class NetworkConnectedConsumer(StateLogWriter log) : IConsumer<NetworkConnected>
{
    public Task Consume(ConsumeContext<NetworkConnected> context)
    {
        var m = context.Message;
        return log.RecordAsync(new LogEntryRecorded($"network:{m.NetworkId}", context.RequiredMessageId(), "network", "connect",
            m.HostId, "networking", m.NetworkId,
            new Dictionary<string, string> { ["container"] = m.ContainerId, ["name"] = m.NetworkName, ["type"] = "bridge" },
            m.ConnectedAt), context.CancellationToken);
    }
}

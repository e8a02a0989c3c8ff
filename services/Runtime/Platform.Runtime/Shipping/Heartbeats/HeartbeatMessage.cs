using System.Text.Json;
using Platform.Contracts.Runtime;

namespace Platform.Runtime.Shipping.Heartbeats;

/// <summary>
/// runtime.host-heartbeat as an outgoing message. Not a journal entry: Sequence 0 and a fresh message id, since no
/// heartbeat is ever re-sent (a lost one is simply superseded by the next).
/// </summary>
public static class HeartbeatMessage
{
    static readonly ContractName Name = ContractName.Of<HostHeartbeat>();

    public static OutgoingMessage For(string hostId, DateTimeOffset sentAt) => new(
        Name.Exchange, Name.MessageType,
        JsonSerializer.SerializeToUtf8Bytes(new HostHeartbeat(hostId, sentAt), ContractJson.Default.HostHeartbeat),
        Sequence: 0, Guid.NewGuid());
}

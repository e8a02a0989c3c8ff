using MassTransit;
using Platform.Contracts.Networking;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Networking;

/// <summary>networking.network-created → "network"/"create" on network:&lt;id&gt;, with Docker's name/type attributes.</summary>
public sealed class NetworkCreatedConsumer(StateLogWriter log) : IConsumer<NetworkCreated>
{
    public Task Consume(ConsumeContext<NetworkCreated> context)
    {
        var message = context.Message;
        return log.RecordAsync(new LogEntryRecorded(
            Resource: $"network:{message.NetworkId}",
            context.RequiredMessageId(),
            Type: "network",
            Action: "create",
            message.HostId,
            Service: "networking",
            ActorId: message.NetworkId,
            Attributes: new Dictionary<string, string> { ["name"] = message.Name, ["type"] = message.Driver },
            message.CreatedAt), context.CancellationToken);
    }
}

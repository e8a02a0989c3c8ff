using MassTransit;

namespace Platform.Contracts.Networking;

/// <summary>A container left a network on its host (Docker's "disconnect" network event).</summary>
[MessageUrn("networking.network-disconnected")]
[EntityName("networking.network-disconnected")]
public sealed record NetworkDisconnected(
    string NetworkId,
    string HostId,
    string NetworkName,
    string ContainerId,
    string EndpointId,
    DateTimeOffset DisconnectedAt);

using MassTransit;

namespace Platform.Contracts.Networking;

/// <summary>A user's network was removed from its host (Docker's "destroy" network event).</summary>
[MessageUrn("networking.network-removed")]
[EntityName("networking.network-removed")]
public sealed record NetworkRemoved(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    DateTimeOffset RemovedAt);

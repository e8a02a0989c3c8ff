using MassTransit;

namespace Platform.Contracts.Networking;

/// <summary>A container joined a network on its host (Docker's "connect" network event), at Address/PrefixLength.</summary>
[MessageUrn("networking.network-connected")]
[EntityName("networking.network-connected")]
public sealed record NetworkConnected(
    string NetworkId,
    string HostId,
    string NetworkName,
    string ContainerId,
    string ContainerName,
    string EndpointId,
    string Address,
    int PrefixLength,
    string MacAddress,
    DateTimeOffset ConnectedAt);

using JasperFx.Events;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using Published = Platform.Contracts.Networking;

namespace Platform.Networking.Networks.Publishing;

/// <summary>What the fleet hears about networks: created, removed, and containers connecting and disconnecting.</summary>
public sealed class NetworkingIntegrationEvents : IIntegrationEventMapper
{
    public object? Map(IEvent @event) => @event.Data switch
    {
        NetworkCreated e => new Published.NetworkCreated(e.NetworkId, e.HostId, e.Name, e.Driver, e.Scope,
            e.Subnet, e.Gateway, e.Internal, e.Attachable, e.Labels, e.CreatedAt),
        NetworkRemoved { HostId: { } hostId, Name: { } name } e =>
            new Published.NetworkRemoved(e.NetworkId, hostId, name, e.Driver ?? "bridge", e.RemovedAt),
        NetworkRemoved => null, // recorded before removals named their network: nothing to tell the fleet by
        EndpointJoined e => new Published.NetworkConnected(e.NetworkId, e.HostId, e.NetworkName, e.ContainerId,
            e.ContainerName, e.EndpointId, e.Address, e.PrefixLength, e.MacAddress, e.JoinedAt),
        EndpointLeft e => new Published.NetworkDisconnected(e.NetworkId, e.HostId, e.NetworkName, e.ContainerId, e.EndpointId, e.LeftAt),
        _ => null,
    };
}

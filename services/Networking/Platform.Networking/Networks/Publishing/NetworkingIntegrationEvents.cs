using JasperFx.Events;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using NetworkCreatedContract = Platform.Contracts.Networking.NetworkCreated;

namespace Platform.Networking.Networks.Publishing;

/// <summary>What the fleet hears about networks. NetworkRemoved has no contract yet and stays inside.</summary>
public sealed class NetworkingIntegrationEvents : IIntegrationEventMapper
{
    public object? Map(IEvent @event) => @event.Data switch
    {
        NetworkCreated e => new NetworkCreatedContract(e.NetworkId, e.HostId, e.Name, e.Driver, e.Scope,
            e.Subnet, e.Gateway, e.Internal, e.Attachable, e.Labels, e.CreatedAt),
        _ => null,
    };
}

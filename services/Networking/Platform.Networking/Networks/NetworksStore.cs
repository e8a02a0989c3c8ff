using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Platform.Networking.Networks;

public static class NetworksStore
{
    /// <summary>
    /// Network streams are keyed by the network id. The aggregate is kept as an inline snapshot document, so listing a
    /// host's networks is a query and every write still folds from the stream's committed version.
    /// </summary>
    public static StoreOptions AddNetworks(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventType<NetworkCreated>();
        options.Events.AddEventType<NetworkRemoved>();
        options.Events.AddEventType<EndpointJoined>();
        options.Events.AddEventType<EndpointLeft>();
        options.Projections.Snapshot<Network>(SnapshotLifecycle.Inline);
        options.Schema.For<Network>().Index(n => n.HostId);
        return options;
    }
}

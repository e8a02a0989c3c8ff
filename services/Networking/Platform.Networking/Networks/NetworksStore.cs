using JasperFx.Events;
using Marten;

namespace Platform.Networking.Networks;

public static class NetworksStore
{
    /// <summary>Network streams are keyed by the network id; the aggregate is folded live on each write.</summary>
    public static StoreOptions AddNetworks(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventType<NetworkCreated>();
        options.Events.AddEventType<NetworkRemoved>();
        options.Projections.LiveStreamAggregation<Network>();
        return options;
    }
}

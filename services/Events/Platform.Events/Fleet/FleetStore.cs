using JasperFx.Events.Projections;
using Marten;
using Platform.Events.Fleet.Containers;
using Platform.Events.Fleet.Hosts;
using Platform.Events.Fleet.Images;
using Platform.Events.Fleet.Networks;

namespace Platform.Events.Fleet;

public static class FleetStore
{
    /// <summary>
    /// The fleet read models, projected inline from the state log: each commits with the entry that changed it, so a
    /// view never disagrees with the log, and rebuilding the projections from the log recreates them. Heartbeats are
    /// not history: HostLiveness is written by its consumer alone. Indexed on what GET /api/v1/fleet filters by.
    /// </summary>
    public static StoreOptions AddFleetViews(this StoreOptions options)
    {
        options.Projections.Add<FleetHostProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<FleetContainerProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<FleetImageProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<FleetNetworkProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<FleetContainer>().Duplicate(x => x.HostId).Duplicate(x => x.State);
        options.Schema.For<FleetImage>().Duplicate(x => x.HostId);
        options.Schema.For<FleetNetwork>().Duplicate(x => x.HostId);
        options.Schema.For<HostLiveness>();
        return options;
    }
}

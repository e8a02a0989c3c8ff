using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Networks;

/// <summary>One FleetNetwork per network, from the log's "network" entries (actor = the network id).</summary>
public sealed partial class FleetNetworkProjection : MultiStreamProjection<FleetNetwork, string>
{
    public FleetNetworkProjection() =>
        Identities<LogEntryRecorded>(e => e.Type == "network" ? [e.ActorId] : []);

    public override FleetNetwork? Evolve(FleetNetwork? snapshot, string id, IEvent e) =>
        e.Data is LogEntryRecorded entry ? FleetNetwork.Fold(snapshot, entry) : snapshot;
}

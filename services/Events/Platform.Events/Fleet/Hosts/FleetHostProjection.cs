using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Hosts;

/// <summary>One FleetHost per host id named by any log entry.</summary>
public sealed partial class FleetHostProjection : MultiStreamProjection<FleetHost, string>
{
    public FleetHostProjection() =>
        Identities<LogEntryRecorded>(e => e.HostId.Length > 0 ? [e.HostId] : []);

    public override FleetHost? Evolve(FleetHost? snapshot, string id, IEvent e) =>
        e.Data is LogEntryRecorded entry ? FleetHost.Fold(snapshot, entry) : snapshot;
}

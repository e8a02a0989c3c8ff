using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Containers;

/// <summary>One FleetContainer per container, from the log's "container" entries (actor = the container id).</summary>
public sealed partial class FleetContainerProjection : MultiStreamProjection<FleetContainer, string>
{
    public FleetContainerProjection() =>
        Identities<LogEntryRecorded>(e => e.Type == "container" ? [e.ActorId] : []);

    public override FleetContainer? Evolve(FleetContainer? snapshot, string id, IEvent e) =>
        e.Data is LogEntryRecorded entry ? FleetContainer.Fold(snapshot, entry) : snapshot;
}

using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Images;

/// <summary>
/// One FleetImage per host and image: from "image" entries (actor = the image id) and from "container"/"commit",
/// which moby logs on the container but which makes an image (its imageID attribute).
/// </summary>
public sealed partial class FleetImageProjection : MultiStreamProjection<FleetImage, string>
{
    public FleetImageProjection() =>
        Identities<LogEntryRecorded>(e => ImageIdOf(e) is { } imageId ? [FleetImage.KeyOf(e.HostId, imageId)] : []);

    public override FleetImage? Evolve(FleetImage? snapshot, string id, IEvent e) =>
        e.Data is LogEntryRecorded entry && ImageIdOf(entry) is { } imageId ? FleetImage.Fold(snapshot, imageId, entry) : snapshot;

    static string? ImageIdOf(LogEntryRecorded e) => e switch
    {
        { Type: "image" } => e.ActorId,
        { Type: "container", Action: "commit" } => e.Attributes.GetValueOrDefault("imageID"),
        _ => null,
    };
}

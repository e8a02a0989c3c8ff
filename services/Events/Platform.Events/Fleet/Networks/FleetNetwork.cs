using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Networks;

/// <summary>
/// A network that exists somewhere in the fleet, with the containers attached to it. Created by its "create" entry
/// (name, and the driver Docker logs as "type"); connect and disconnect change its containers; "destroy" removes it.
/// </summary>
public sealed record FleetNetwork(
    string Id,
    string HostId,
    string Name,
    string Driver,
    IReadOnlyList<string> Containers,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastChangeAt)
{
    /// <returns>The network after the entry; null once destroyed, or for an entry of a network whose create the log lacks.</returns>
    public static FleetNetwork? Fold(FleetNetwork? network, LogEntryRecorded e)
    {
        var at = e.HappenedAt;
        if (e.Action == "create")
            return new FleetNetwork(e.ActorId, e.HostId, e.Attributes.GetValueOrDefault("name", ""),
                e.Attributes.GetValueOrDefault("type", ""), network?.Containers ?? [], at, at);
        if (network is null || e.Action == "destroy") return null;
        var container = e.Attributes.GetValueOrDefault("container");
        return (e.Action, container) switch
        {
            ("connect", { } id) => network with { Containers = [.. network.Containers.Where(c => c != id), id], LastChangeAt = at },
            ("disconnect", { } id) => network with { Containers = network.Containers.Where(c => c != id).ToArray(), LastChangeAt = at },
            _ => network,
        };
    }
}

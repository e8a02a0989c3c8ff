using System.Globalization;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Containers;

/// <summary>
/// A container somewhere in the fleet, as the state log tells it: Docker's state ("created", "running", "paused",
/// "exited" with its exit code) and the times it changed. A destroyed container has no row: a fleet view lists what
/// exists, and the log keeps its history. Evolved only from "container" entries, so replaying the log rebuilds it.
/// </summary>
public sealed record FleetContainer(
    string Id,
    string HostId,
    string Name,
    string Image,
    IReadOnlyDictionary<string, string> Labels,
    string State,
    int? ExitCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset LastChangeAt)
{
    /// <returns>The container after the entry; null once it is destroyed (or for an entry that concerns no live container).</returns>
    public static FleetContainer? Fold(FleetContainer? container, LogEntryRecorded e)
    {
        if (e.Action == "destroy") return null;
        if (container is null)
            return e.Action is "create" or "start" or "pause" or "unpause" or "die" or "rename"
                ? Fold(Seen(e), e) // an entry of a container whose create the log never saw still tells what exists
                : null;
        var at = e.HappenedAt;
        return e.Action switch
        {
            "create" => container with { CreatedAt = at, LastChangeAt = at },
            "start" => container with { State = ContainerStates.Running, ExitCode = null, StartedAt = at, LastChangeAt = at },
            "pause" => container with { State = ContainerStates.Paused, LastChangeAt = at },
            "unpause" => container with { State = ContainerStates.Running, LastChangeAt = at },
            "die" => container with { State = ContainerStates.Exited, ExitCode = ExitCodeOf(e), FinishedAt = at, LastChangeAt = at },
            "rename" => container with { Name = e.Attributes.GetValueOrDefault("name", container.Name), LastChangeAt = at },
            _ => container, // kill, stop, exec_*, commit: Docker's state does not change
        };
    }

    static FleetContainer Seen(LogEntryRecorded e) => new(
        e.ActorId, e.HostId, e.Attributes.GetValueOrDefault("name", ""), e.Attributes.GetValueOrDefault("image", ""),
        LabelsOf(e), ContainerStates.Created, ExitCode: null, e.HappenedAt, StartedAt: null, FinishedAt: null, e.HappenedAt);

    /// <summary>
    /// Docker copies a container's labels into its events' attributes, under the action's own keys and beside "image"
    /// and "name"; what is left once those are taken away is the labels.
    /// </summary>
    static Dictionary<string, string> LabelsOf(LogEntryRecorded e)
    {
        string[] own = e.Action switch { "die" => ["exitCode"], "rename" => ["oldName"], _ => [] };
        return e.Attributes.Where(a => a.Key is not ("image" or "name") && !own.Contains(a.Key))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    static int? ExitCodeOf(LogEntryRecorded e) =>
        int.TryParse(e.Attributes.GetValueOrDefault("exitCode"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
}

using System.Globalization;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Hosts;

/// <summary>
/// A host the state log has heard of: what its runtime said about the machine when it last started ("host"/"start"
/// attributes), when the host was first seen and when it last did anything. Any entry from a host makes it seen; the
/// machine facts stay empty until its first start is logged. Heartbeats are kept apart, in <see cref="HostLiveness"/>.
/// </summary>
public sealed record FleetHost(
    string Id,
    string Hostname,
    string EngineVersion,
    string KernelVersion,
    int? Cpus,
    long? MemoryBytes,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset LastEventAt)
{
    public static FleetHost Fold(FleetHost? host, LogEntryRecorded e)
    {
        var at = e.HappenedAt;
        var seen = host is null
            ? new FleetHost(e.HostId, "", "", "", null, null, at, null, at)
            : host with { FirstSeenAt = Min(host.FirstSeenAt, at), LastEventAt = Max(host.LastEventAt, at) };
        // Services publish independently, so a later entry may carry an earlier time: only the newest start describes the host.
        if (e is not { Type: "host", Action: "start" } || seen.LastStartedAt > at) return seen;
        var a = e.Attributes;
        return seen with
        {
            Hostname = a.GetValueOrDefault("name", ""),
            EngineVersion = a.GetValueOrDefault("engineVersion", ""),
            KernelVersion = a.GetValueOrDefault("kernelVersion", ""),
            Cpus = int.TryParse(a.GetValueOrDefault("cpus"), CultureInfo.InvariantCulture, out var cpus) ? cpus : null,
            MemoryBytes = long.TryParse(a.GetValueOrDefault("memoryBytes"), CultureInfo.InvariantCulture, out var memory) ? memory : null,
            LastStartedAt = at,
        };
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

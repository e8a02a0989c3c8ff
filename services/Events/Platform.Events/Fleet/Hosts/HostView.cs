namespace Platform.Events.Fleet.Hosts;

/// <summary>
/// A host as GET /api/v1/fleet/hosts shows it (camelCase JSON). Alive: a heartbeat within the alive window (3
/// heartbeat intervals by default). RunningContainers counts the containers the log says are running on it.
/// </summary>
public sealed record HostView(
    string Id,
    string Hostname,
    string EngineVersion,
    string KernelVersion,
    int? Cpus,
    long? MemoryBytes,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset LastEventAt,
    DateTimeOffset? LastHeartbeatAt,
    bool Alive,
    int RunningContainers)
{
    public static HostView From(FleetHost host, HostLiveness? liveness, int running, DateTimeOffset now, FleetOptions options) => new(
        host.Id, host.Hostname, host.EngineVersion, host.KernelVersion, host.Cpus, host.MemoryBytes, host.FirstSeenAt,
        host.LastStartedAt, host.LastEventAt, liveness?.LastHeartbeatAt,
        liveness is not null && now - liveness.LastHeartbeatAt <= options.AliveWindow,
        running);
}

/// <summary>GET /api/v1/fleet/hosts: every host seen, by id.</summary>
public sealed record HostsList(IReadOnlyList<HostView> Hosts);

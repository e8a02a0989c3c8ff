namespace Platform.Events.Fleet;

/// <summary>How the fleet view judges liveness (configuration section "Fleet").</summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";

    /// <summary>How often hosts heartbeat; must match the runtimes' Platform:Heartbeat:Interval.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A host is alive while its last heartbeat is at most this many intervals old.</summary>
    public int MissedHeartbeats { get; set; } = 3;

    public TimeSpan AliveWindow => HeartbeatInterval * MissedHeartbeats;
}

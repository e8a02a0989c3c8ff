namespace Platform.Events.Fleet.Hosts;

/// <summary>
/// The newest heartbeat heard from a host (its own clock). Not part of the state log, so not a projection of it: a
/// rebuild of the fleet views from the log leaves it alone, and the next heartbeat refreshes it anyway.
/// </summary>
public sealed record HostLiveness(string Id, DateTimeOffset LastHeartbeatAt);

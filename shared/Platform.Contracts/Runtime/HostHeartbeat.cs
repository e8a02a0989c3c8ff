using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A host's runtime is alive (sent every heartbeat interval, 15 s by default). Not a fact of history: published
/// directly, best-effort, never from the journal, so a heartbeat lost while the broker is down is simply not sent.
/// SentAt is the host's clock.
/// </summary>
[MessageUrn("runtime.host-heartbeat")]
[EntityName("runtime.host-heartbeat")]
public sealed record HostHeartbeat(
    string HostId,
    DateTimeOffset SentAt);

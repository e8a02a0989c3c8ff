using MassTransit;
using Marten;
using Npgsql;
using Platform.Contracts.Runtime;

namespace Platform.Events.Fleet.Hosts;

/// <summary>
/// runtime.host-heartbeat → HostLiveness.LastHeartbeatAt, never into the state log (a heartbeat is not history).
/// Monotonic: a heartbeat older than the one recorded (a redelivery, a backlog drained after an outage) changes
/// nothing. Read-compare-write under a transaction-scoped advisory lock, so two events processes cannot interleave.
/// </summary>
public sealed class HostHeartbeatConsumer(IDocumentStore store) : IConsumer<HostHeartbeat>
{
    /// <summary>pg_advisory_xact_lock key of heartbeat writes ("heartbea" in ASCII).</summary>
    const long HeartbeatLock = 0x6865617274626561;

    public async Task Consume(ConsumeContext<HostHeartbeat> context)
    {
        var heartbeat = context.Message;
        var ct = context.CancellationToken;
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", session.Connection))
        {
            command.Parameters.AddWithValue("key", HeartbeatLock);
            await command.ExecuteNonQueryAsync(ct);
        }
        var known = await session.LoadAsync<HostLiveness>(heartbeat.HostId, ct);
        if (known is not null && known.LastHeartbeatAt >= heartbeat.SentAt) return;
        session.Store(new HostLiveness(heartbeat.HostId, heartbeat.SentAt));
        await session.SaveChangesAsync(ct);
    }
}

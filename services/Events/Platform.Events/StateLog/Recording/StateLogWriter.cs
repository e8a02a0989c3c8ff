using Marten;
using Npgsql;

namespace Platform.Events.StateLog.Recording;

/// <summary>
/// Appends entries to the state log exactly once per message id. Writers are serialised by a transaction-scoped
/// advisory lock taken before Marten draws the event sequence, so positions commit in order: a reader paging with
/// ?after= never sees a later position before an earlier one.
/// </summary>
public sealed class StateLogWriter(IDocumentStore store, StateLogSignal signal)
{
    /// <summary>pg_advisory_xact_lock key of the state log ("statelog" in ASCII).</summary>
    const long AppendLock = 0x73746174656C6F67;

    /// <returns>false when the message was already recorded (a redelivery or a duplicate publish).</returns>
    public async Task<bool> RecordAsync(LogEntryRecorded entry, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", session.Connection))
        {
            command.Parameters.AddWithValue("key", AppendLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (await session.LoadAsync<LogEntry>(entry.MessageId, cancellationToken) is not null) return false;
        session.Events.Append(entry.Resource, entry);
        await session.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}

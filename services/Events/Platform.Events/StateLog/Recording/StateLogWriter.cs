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

    /// <summary>The state log's LogEntry table, where a recorded message id is found.</summary>
    readonly string _seen = $"select exists(select 1 from {store.Options.FindOrResolveDocumentType(typeof(LogEntry)).TableName.QualifiedName} where id = $1)";

    /// <returns>false when the message was already recorded (a redelivery or a duplicate publish).</returns>
    public async Task<bool> RecordAsync(LogEntryRecorded entry, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellationToken);
        // The lock, then whether the message is recorded already: one round trip, two statements (the second's snapshot
        // is taken once the lock is held, so it sees what the previous holder committed).
        await using (var batch = new NpgsqlBatch(session.Connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("select pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter { Value = AppendLock } } },
                new NpgsqlBatchCommand(_seen) { Parameters = { new NpgsqlParameter { Value = entry.MessageId } } },
            },
        })
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0)) return false;
        }
        session.Events.Append(entry.Resource, entry);
        await session.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}

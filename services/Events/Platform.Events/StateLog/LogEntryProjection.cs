using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Platform.Events.StateLog;

/// <summary>
/// Inline: the LogEntry row commits in the same transaction as its event. Insert, never upsert, so a second copy of a
/// message fails instead of overwriting. Partial so Marten's source generator registers LogEntry as its published type.
/// </summary>
public sealed partial class LogEntryProjection : EventProjection
{
    public LogEntryProjection() => IncludeType<LogEntryRecorded>();

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is LogEntryRecorded recorded) operations.Insert(LogEntry.From(e.Sequence, recorded));
        return ValueTask.CompletedTask;
    }
}

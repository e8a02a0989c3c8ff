namespace Platform.Events.StateLog;

/// <summary>
/// The queryable row of one state log entry, written inline with the event. Its id is the message id, so a
/// message can only ever be recorded once; Position is the event's global sequence.
/// </summary>
public sealed record LogEntry(
    Guid Id,
    long Position,
    string Resource,
    string Type,
    string Action,
    string HostId,
    string Service,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset HappenedAt)
{
    public static LogEntry From(long position, LogEntryRecorded e) => new(
        e.MessageId, position, e.Resource, e.Type, e.Action, e.HostId, e.Service, e.ActorId, e.Attributes, e.HappenedAt);
}

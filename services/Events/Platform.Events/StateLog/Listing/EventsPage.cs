namespace Platform.Events.StateLog.Listing;

/// <summary>One page of the state log; Next is the ?after= of the following page, null at the end of the log.</summary>
public sealed record EventsPage(IReadOnlyList<EventView> Events, long? Next);

/// <summary>One entry as the API shows it (camelCase JSON). Id is the originating message id.</summary>
public sealed record EventView(
    long Position,
    Guid Id,
    string Type,
    string Action,
    string Host,
    string Service,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Time)
{
    public static EventView From(LogEntry e) =>
        new(e.Position, e.Id, e.Type, e.Action, e.HostId, e.Service, e.ActorId, e.Attributes, e.HappenedAt);
}

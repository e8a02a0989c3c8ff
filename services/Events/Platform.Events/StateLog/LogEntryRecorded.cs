namespace Platform.Events.StateLog;

/// <summary>
/// Something happened to a resource somewhere in the fleet, as told by one integration message (MessageId).
/// Appended to the resource's stream ("network:&lt;id&gt;", "host:&lt;id&gt;"); its Marten sequence is the global position.
/// Type/Action/ActorId/Attributes follow Docker's event model ("network"/"create", actor = the network id).
/// Details holds what the fleet read models need and Docker's event does not carry (the reference an untag removed);
/// it is never shown as a Docker attribute, and entries recorded before it existed have none.
/// </summary>
public sealed record LogEntryRecorded(
    string Resource,
    Guid MessageId,
    string Type,
    string Action,
    string HostId,
    string Service,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset HappenedAt,
    IReadOnlyDictionary<string, string>? Details = null);

using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// An exec instance was created in a container (docker's "exec_create: &lt;cmd&gt;"): ExecId is the instance's id,
/// Command its argv. Name is the container's, without the leading "/"; Image is the reference as the user gave it;
/// Labels are the container's (Docker copies them into the event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.exec-created")]
[EntityName("runtime.exec-created")]
public sealed record ExecCreated(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    string ExecId,
    IReadOnlyList<string> Command,
    long JournalSequence,
    DateTimeOffset CreatedAt);

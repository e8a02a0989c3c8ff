using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// An exec instance's process is being started (docker's "exec_start: &lt;cmd&gt;"): ExecId is the instance's id,
/// Command its argv. Name is the container's, without the leading "/"; Image is the reference as the user gave it;
/// Labels are the container's. Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.exec-started")]
[EntityName("runtime.exec-started")]
public sealed record ExecStarted(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    string ExecId,
    IReadOnlyList<string> Command,
    long JournalSequence,
    DateTimeOffset StartedAt);

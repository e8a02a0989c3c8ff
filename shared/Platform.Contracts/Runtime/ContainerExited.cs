using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container's main process ended (docker's "die"): ExitCode as wait reports it, OomKilled when the kernel's OOM
/// killer ended it. Name is without the leading "/"; Image is the reference as the user gave it; Labels are the
/// container's (Docker copies them into the event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-exited")]
[EntityName("runtime.container-exited")]
public sealed record ContainerExited(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    int ExitCode,
    bool OomKilled,
    long JournalSequence,
    DateTimeOffset ExitedAt);

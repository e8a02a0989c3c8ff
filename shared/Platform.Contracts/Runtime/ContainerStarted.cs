using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container's process started (docker's "start"), by a user or by its restart policy. Name is without the
/// leading "/"; Image is the reference as the user gave it; Labels are the container's (Docker copies them into the
/// event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-started")]
[EntityName("runtime.container-started")]
public sealed record ContainerStarted(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset StartedAt);

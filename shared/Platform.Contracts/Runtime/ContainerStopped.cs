using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container was stopped on request (docker's "stop"), after its process ended. Name is without the leading "/";
/// Image is the reference as the user gave it; Labels are the container's (Docker copies them into the event's
/// attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-stopped")]
[EntityName("runtime.container-stopped")]
public sealed record ContainerStopped(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset StoppedAt);

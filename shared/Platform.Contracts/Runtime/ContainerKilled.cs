using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A signal was sent to a container's main process (docker's "kill", also sent by stop); Signal is its number. Name
/// is without the leading "/"; Image is the reference as the user gave it; Labels are the container's (Docker
/// copies them into the event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-killed")]
[EntityName("runtime.container-killed")]
public sealed record ContainerKilled(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    int Signal,
    long JournalSequence,
    DateTimeOffset KilledAt);

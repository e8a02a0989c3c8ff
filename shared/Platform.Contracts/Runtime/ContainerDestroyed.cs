using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container was removed with its files (docker's "destroy"); Name, Image and Labels are its last ones. Name is
/// without the leading "/"; Image is the reference as the user gave it; Labels are the container's (Docker copies
/// them into the event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-destroyed")]
[EntityName("runtime.container-destroyed")]
public sealed record ContainerDestroyed(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset DestroyedAt);

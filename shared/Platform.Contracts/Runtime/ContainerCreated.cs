using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container was created on a host (docker's "create"). Name is without the leading "/"; Image is the reference
/// as the user gave it; Labels are the container's (Docker copies them into the event's attributes). Published from
/// the runtime journal.
/// </summary>
[MessageUrn("runtime.container-created")]
[EntityName("runtime.container-created")]
public sealed record ContainerCreated(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset CreatedAt);

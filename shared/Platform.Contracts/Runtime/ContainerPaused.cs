using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container's processes were frozen (docker's "pause"). Name is without the leading "/"; Image is the reference
/// as the user gave it; Labels are the container's (Docker copies them into the event's attributes). Published from
/// the runtime journal.
/// </summary>
[MessageUrn("runtime.container-paused")]
[EntityName("runtime.container-paused")]
public sealed record ContainerPaused(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset PausedAt);

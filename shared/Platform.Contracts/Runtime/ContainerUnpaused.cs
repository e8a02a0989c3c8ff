using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container's processes were thawed (docker's "unpause"). Name is without the leading "/"; Image is the
/// reference as the user gave it; Labels are the container's (Docker copies them into the event's attributes).
/// Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-unpaused")]
[EntityName("runtime.container-unpaused")]
public sealed record ContainerUnpaused(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    long JournalSequence,
    DateTimeOffset UnpausedAt);

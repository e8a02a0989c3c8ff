using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A container was renamed (docker's "rename"): Name is the new name, OldName the previous one, both without the
/// leading "/". Image is the reference as the user gave it; Labels are the container's (Docker copies them into the
/// event's attributes). Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.container-renamed")]
[EntityName("runtime.container-renamed")]
public sealed record ContainerRenamed(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    string OldName,
    long JournalSequence,
    DateTimeOffset RenamedAt);

using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A volume now exists on a host (docker volume create, or a container's named or anonymous volume). Docker's
/// "volume create" event: actor id = the name, attribute driver. Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.volume-created")]
[EntityName("runtime.volume-created")]
public sealed record VolumeCreated(
    string Name,
    string HostId,
    string Driver,
    bool Anonymous,
    long JournalSequence,
    DateTimeOffset CreatedAt);

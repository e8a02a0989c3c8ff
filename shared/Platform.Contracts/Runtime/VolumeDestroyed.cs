using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// A volume and its data were removed from a host (docker volume rm, volume prune, rm -v). Docker's "volume destroy"
/// event: actor id = the name, attribute driver. Published from the runtime journal.
/// </summary>
[MessageUrn("runtime.volume-destroyed")]
[EntityName("runtime.volume-destroyed")]
public sealed record VolumeDestroyed(
    string Name,
    string HostId,
    string Driver,
    long JournalSequence,
    DateTimeOffset DestroyedAt);

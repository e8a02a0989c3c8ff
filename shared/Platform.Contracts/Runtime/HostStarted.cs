using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>A host's runtime came up (first boot or restart). Published from the runtime journal.</summary>
[MessageUrn("runtime.host-started")]
[EntityName("runtime.host-started")]
public sealed record HostStarted(
    string HostId,
    string Hostname,
    string EngineVersion,
    string KernelVersion,
    int Cpus,
    long MemoryBytes,
    long JournalSequence,
    DateTimeOffset StartedAt);

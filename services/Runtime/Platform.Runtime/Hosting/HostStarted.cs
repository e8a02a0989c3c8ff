namespace Platform.Runtime.Hosting;

/// <summary>Journaled when the runtime process comes up on this host.</summary>
public sealed record HostStarted(
    string HostId, string Hostname, string EngineVersion, string KernelVersion, int Cpus, long MemoryBytes,
    DateTimeOffset StartedAt)
{
    public const string Type = "host-started";
}

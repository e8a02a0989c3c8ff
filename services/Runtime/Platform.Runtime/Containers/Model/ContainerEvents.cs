using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Model;

/// <summary>Facts about containers, journaled in order; each type name is the journal entry type.</summary>
public abstract record ContainerEvent(string Id);

public sealed record ContainerCreated(
    string Id, string Name, string ImageId, ContainerConfig Config, HostConfig HostConfig, string Path,
    List<string> Args, RootfsPlan Rootfs, List<MountPoint> Mounts, DateTimeOffset CreatedAt) : ContainerEvent(Id)
{
    public const string Type = "container-created";
}

public sealed record ContainerStarted(string Id, int Pid, bool Restart, DateTimeOffset StartedAt) : ContainerEvent(Id)
{
    public const string Type = "container-started";
}

public sealed record ContainerStartFailed(string Id, int ExitCode, string Error, DateTimeOffset FailedAt) : ContainerEvent(Id)
{
    public const string Type = "container-start-failed";
}

public sealed record ContainerExited(string Id, int ExitCode, bool OomKilled, DateTimeOffset ExitedAt) : ContainerEvent(Id)
{
    public const string Type = "container-exited";
}

public sealed record ContainerKilled(string Id, int Signal, DateTimeOffset KilledAt) : ContainerEvent(Id)
{
    public const string Type = "container-killed";
}

public sealed record ContainerStopped(string Id, DateTimeOffset StoppedAt) : ContainerEvent(Id)
{
    public const string Type = "container-stopped";
}

public sealed record ContainerPaused(string Id, DateTimeOffset PausedAt) : ContainerEvent(Id)
{
    public const string Type = "container-paused";
}

public sealed record ContainerUnpaused(string Id, DateTimeOffset UnpausedAt) : ContainerEvent(Id)
{
    public const string Type = "container-unpaused";
}

public sealed record ContainerRenamed(string Id, string OldName, string NewName, DateTimeOffset RenamedAt) : ContainerEvent(Id)
{
    public const string Type = "container-renamed";
}

public sealed record ContainerDestroyed(string Id, DateTimeOffset DestroyedAt) : ContainerEvent(Id)
{
    public const string Type = "container-destroyed";
}

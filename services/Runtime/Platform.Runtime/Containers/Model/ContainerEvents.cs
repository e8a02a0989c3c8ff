using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Model;

/// <summary>Facts about containers, journaled in order; each type name is the journal entry type.</summary>
public abstract record ContainerEvent(string Id);

public sealed record ContainerCreated(
    string Id, string Name, string ImageId, ContainerConfig Config, HostConfig HostConfig, string Path,
    List<string> Args, RootfsPlan Rootfs, List<MountPoint> Mounts, DateTimeOffset CreatedAt) : ContainerEvent(Id)
{
    public const string Type = "container-created";

    /// <summary>The networks it joins when it starts, by network name, with what it asks of each.</summary>
    public Dictionary<string, NetworkEndpointConfig>? Networks { get; init; }
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

/// <summary>Networking gave the starting container its namespace, endpoints and ports (journaled before ContainerStarted).</summary>
public sealed record ContainerNetworkAttached(string Id, ContainerNetworkState Network, DateTimeOffset AttachedAt) : ContainerEvent(Id)
{
    public const string Type = "container-network-attached";
}

/// <summary>docker network connect: the container joins a network; Endpoint is set when it was running and got one.</summary>
public sealed record ContainerConnected(string Id, string Network, NetworkEndpointConfig Config, AttachedEndpoint? Endpoint,
    DateTimeOffset ConnectedAt) : ContainerEvent(Id)
{
    public const string Type = "container-connected";
}

/// <summary>docker network disconnect: the container leaves a network (and its endpoint there, when running).</summary>
public sealed record ContainerDisconnected(string Id, string Network, DateTimeOffset DisconnectedAt) : ContainerEvent(Id)
{
    public const string Type = "container-disconnected";
}

/// <summary>The running container's network was torn down (it exited, or its start failed after networking gave one).</summary>
public sealed record ContainerNetworkDetached(string Id, DateTimeOffset DetachedAt) : ContainerEvent(Id)
{
    public const string Type = "container-network-detached";
}

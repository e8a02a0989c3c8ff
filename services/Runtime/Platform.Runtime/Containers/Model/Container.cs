using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Model;

public enum ContainerStatus { Created, Running, Paused, Restarting, Removing, Exited, Dead }

/// <summary>A container on this host as the journal knows it; evolved only by <see cref="Apply"/>.</summary>
public sealed record Container(
    string Id, string Name, DateTimeOffset Created, string ImageId, ContainerConfig Config, HostConfig HostConfig,
    string Path, IReadOnlyList<string> Args, RootfsPlan Rootfs, IReadOnlyList<MountPoint> Mounts)
{
    public ContainerStatus Status { get; init; } = ContainerStatus.Created;
    public int Pid { get; init; }
    public int ExitCode { get; init; }
    public string Error { get; init; } = "";
    public bool OomKilled { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public int RestartCount { get; init; }
    /// <summary>Stopped by the user (stop, kill): unless-stopped and always do not bring it back on their own.</summary>
    public bool StoppedByUser { get; init; }
    public bool HasBeenStarted { get; init; }

    /// <summary>The networks it joins when started, by name (none for the host, none and container: modes).</summary>
    public IReadOnlyDictionary<string, NetworkEndpointConfig> Networks { get; init; } = Empty;

    /// <summary>Its namespace, endpoints and ports while running on networks networking manages.</summary>
    public ContainerNetworkState? Network { get; init; }

    static readonly IReadOnlyDictionary<string, NetworkEndpointConfig> Empty = new Dictionary<string, NetworkEndpointConfig>();

    public bool IsRunning => Status is ContainerStatus.Running or ContainerStatus.Paused;

    /// <summary>Counts exits, so wait?condition=next-exit can tell a new exit from an old one.</summary>
    public int ExitCount { get; init; }

    public int StopSignalNumber => Lifecycle.Signals.Parse(Config.StopSignal, Lifecycle.Signals.Term);

    public int StopTimeoutSeconds => Config.StopTimeout ?? 10;

    public static Container Create(ContainerCreated e) =>
        new(e.Id, e.Name, e.CreatedAt, e.ImageId, e.Config, e.HostConfig, e.Path, e.Args, e.Rootfs, e.Mounts)
        {
            Networks = e.Networks ?? Empty,
        };

    public Container Apply(ContainerEvent e) => e switch
    {
        ContainerStarted s => this with
        {
            Status = ContainerStatus.Running, Pid = s.Pid, StartedAt = s.StartedAt, ExitCode = 0, Error = "",
            OomKilled = false, StoppedByUser = false, HasBeenStarted = true,
            RestartCount = s.Restart ? RestartCount + 1 : RestartCount,
        },
        ContainerStartFailed f => this with { Status = HasBeenStarted ? ContainerStatus.Exited : ContainerStatus.Created, Error = f.Error, ExitCode = f.ExitCode },
        ContainerExited x => this with
        {
            Status = ContainerStatus.Exited, Pid = 0, ExitCode = x.ExitCode, OomKilled = x.OomKilled, FinishedAt = x.ExitedAt,
            ExitCount = ExitCount + 1,
        },
        ContainerKilled k when k.Signal is 9 or 15 || k.Signal == StopSignalNumber => this with { StoppedByUser = true },
        ContainerPaused => this with { Status = ContainerStatus.Paused },
        ContainerUnpaused => this with { Status = ContainerStatus.Running },
        ContainerRenamed r => this with { Name = r.NewName },
        ContainerNetworkAttached a => this with { Network = a.Network },
        ContainerNetworkDetached => this with { Network = null },
        ContainerConnected c => this with
        {
            Networks = new Dictionary<string, NetworkEndpointConfig>(Networks) { [c.Network] = c.Config },
            Network = c.Endpoint is null || Network is null ? Network : Network with { Endpoints = [.. Network.Endpoints, c.Endpoint] },
        },
        ContainerDisconnected d => this with
        {
            Networks = Networks.Where(n => n.Key != d.Network).ToDictionary(),
            Network = Network is null ? null : Network with { Endpoints = [.. Network.Endpoints.Where(e => e.Network != d.Network)] },
        },
        _ => this,
    };
}

/// <summary>One entry of inspect's Mounts (and what the bundle mounts).</summary>
public sealed record MountPoint(
    string Type, string Name, string Source, string Destination, string Driver, string Mode, bool RW, string Propagation);

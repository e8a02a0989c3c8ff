using Platform.Runtime.Containers.Model;

namespace Platform.Runtime.Containers.Inspecting;

/// <summary>GET /containers/{id}/json, the fields and casing clients read (docker-api.md §5.2). No null value types.</summary>
public sealed record ContainerInspect(
    string Id, string Created, string Path, List<string> Args, ContainerStateJson State, string Image,
    string ResolvConfPath, string HostnamePath, string HostsPath, string LogPath, string Name, int RestartCount,
    string Driver, string Platform, string MountLabel, string ProcessLabel, string AppArmorProfile, List<string>? ExecIDs,
    HostConfig HostConfig, GraphDriverJson GraphDriver, List<MountJson> Mounts, ContainerConfig Config,
    NetworkSettingsJson NetworkSettings)
{
    public long? SizeRw { get; init; }
    public long? SizeRootFs { get; init; }
}

public sealed record ContainerStateJson(
    string Status, bool Running, bool Paused, bool Restarting, bool OOMKilled, bool Dead, int Pid, int ExitCode,
    string Error, string StartedAt, string FinishedAt);

public sealed record GraphDriverJson(string Name, Dictionary<string, string> Data);

public sealed record MountJson(string Type, string Name, string Source, string Destination, string Driver, string Mode, bool RW, string Propagation);

public sealed record NetworkSettingsJson(
    string Bridge, string SandboxID, string SandboxKey, Dictionary<string, List<PortBindingJson>?> Ports,
    Dictionary<string, EndpointJson> Networks);

public sealed record PortBindingJson(string HostIp, string HostPort);

public sealed record EndpointJson(
    Dictionary<string, string>? IPAMConfig, List<string>? Links, List<string>? Aliases, string MacAddress, Dictionary<string, string>? DriverOpts,
    int GwPriority, string NetworkID, string EndpointID, string Gateway, string IPAddress, int IPPrefixLen,
    string IPv6Gateway, string GlobalIPv6Address, int GlobalIPv6PrefixLen, List<string>? DNSNames);

namespace Platform.Runtime.Engine;

/// <summary>A mount the caller adds to a container. bind: Options carry propagation etc.; tmpfs: "size=…", "mode=…".</summary>
public sealed record MountSpec(string Source, string Destination, string Type, bool ReadOnly, IReadOnlyList<string> Options);

/// <summary>cgroup limits; 0 means unset (as in Docker's HostConfig).</summary>
public sealed record ResourceLimits(long Memory, long MemorySwap, long NanoCpus, long CpuShares, long CpuQuota,
    long CpuPeriod, long PidsLimit, long ShmSize)
{
    public static readonly ResourceLimits None = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>Everything the engine needs to create one container process.</summary>
public sealed record ContainerLaunch(string Id, IReadOnlyList<string> Args, IReadOnlyList<string> Env, string WorkingDir,
    string User, string Hostname, bool Tty, bool OpenStdin, bool StdinOnce, IReadOnlyList<MountSpec> Mounts,
    ResourceLimits Resources, bool ReadonlyRootfs, IReadOnlyList<string> CapAdd, IReadOnlyList<string> CapDrop,
    bool Privileged, bool NoNewPrivileges, bool Init, string? NetworkNamespacePath, int ConsoleHeight, int ConsoleWidth)
{
    /// <summary>The container's address on its network, written into /etc/hosts next to the hostname.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Extra "host:ip" entries for /etc/hosts (docker run --add-host, and --link as "alias name:ip").</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];

    /// <summary>Runs in the host's network namespace (--network host): /etc/hosts and resolv.conf are the host's.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>resolv.conf's nameservers (the network's DNS, or --dns); null: the host's, less loopback ones.</summary>
    public IReadOnlyList<string>? Nameservers { get; init; }

    public IReadOnlyList<string> DnsSearch { get; init; } = [];

    public IReadOnlyList<string> DnsOptions { get; init; } = [];
}

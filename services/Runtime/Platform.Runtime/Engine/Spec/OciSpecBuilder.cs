using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Spec;

/// <summary>Builds a container's config.json with Docker's defaults from a <see cref="ContainerLaunch"/>.</summary>
static class OciSpecBuilder
{
    static readonly List<string> MaskedPaths =
    [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
    ];

    static readonly List<string> ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    public static OciSpec Build(ContainerLaunch launch, string rootfs, string containerDir, EngineSettings settings)
    {
        if (launch.Args.Count == 0) throw new EngineException("No command specified", 400);
        var user = UserResolver.Resolve(rootfs, launch.User);
        var caps = Capabilities.Resolve(launch.Privileged, launch.CapAdd, launch.CapDrop).ToList();
        var args = launch.Init ? [SpecMounts.InitArg0, "--", .. launch.Args] : launch.Args.ToList();
        var process = new OciProcess(launch.Tty, ConsoleSize(launch.Tty, launch.ConsoleHeight, launch.ConsoleWidth),
            new OciUser(user.Uid, user.Gid, user.AdditionalGids.Count > 0 ? user.AdditionalGids : null), args,
            ProcessEnvironment.Build(launch.Env, launch.Hostname, launch.Tty, user.Home),
            string.IsNullOrEmpty(launch.WorkingDir) ? "/" : launch.WorkingDir,
            new OciCapabilities(caps, caps, caps), [new OciRlimit("RLIMIT_NOFILE", NofileLimit.Value, NofileLimit.Value)], launch.NoNewPrivileges);

        var linux = new OciLinux(SpecResources.For(launch.Resources, launch.Privileged), settings.CgroupsPath(launch.Id),
            Namespaces(launch.HostNetwork, launch.NetworkNamespacePath),
            launch.Privileged ? null : MaskedPaths, launch.Privileged ? null : ReadonlyPaths,
            launch.Privileged ? null : SeccompProfile.For(caps));
        return new OciSpec("1.0.2", process, new OciRoot(rootfs, launch.ReadonlyRootfs), launch.Hostname,
            SpecMounts.For(launch, containerDir, settings.InitBinary), linux);
    }

    /// <summary>Docker gives 1048576 open files; a host whose own hard limit is lower (and cannot be raised) caps it.</summary>
    static readonly Lazy<ulong> NofileLimit = new(() =>
    {
        const ulong docker = 1048576;
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 5 } && ulong.TryParse(fields[4], out var hard) ? Math.Min(docker, hard) : docker;
    });

    public static OciBox? ConsoleSize(bool tty, int height, int width) =>
        tty && height > 0 && width > 0 ? new OciBox(height, width) : null;

    /// <summary>Its own namespaces; the network one is the path given (a sandbox), a new one, or the host's.</summary>
    static List<OciNamespace> Namespaces(bool hostNetwork, string? networkNamespacePath)
    {
        List<OciNamespace> namespaces = [new("pid"), new("ipc"), new("uts"), new("mount"), new("cgroup")];
        if (!hostNetwork) namespaces.Add(new("network", string.IsNullOrEmpty(networkNamespacePath) ? null : networkNamespacePath));
        return namespaces;
    }
}

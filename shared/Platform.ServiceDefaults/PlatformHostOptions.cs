namespace Platform.ServiceDefaults;

/// <summary>Where a host keeps its state. Bound from the "Platform" configuration section.</summary>
public sealed class PlatformHostOptions
{
    public const string Section = "Platform";

    /// <summary>Persistent root: blobs, layers, bundles, volumes, the runtime journal.</summary>
    public string Root { get; set; } = "/var/lib/platform";

    /// <summary>Volatile run directory: sockets, pid files, mounts that do not survive a reboot.</summary>
    public string RunDir { get; set; } = "/run/platform";

    /// <summary>Stable identity of this host in a fleet; defaults to the machine name.</summary>
    public string HostId { get; set; } = Environment.MachineName;
}

namespace Platform.Runtime.Containers.Files.Changes;

/// <summary>One line of docker diff: Kind 0 modified (C), 1 added (A), 2 deleted (D).</summary>
public sealed record ContainerChange(string Path, int Kind)
{
    public const int Modified = 0, Added = 1, Deleted = 2;
}

/// <summary>
/// The entries runc makes in every container's writable layer to mount over (moby keeps them in an init layer, so
/// docker diff never shows them): an empty file or directory at one of these paths, or a parent made for one, is
/// not the user's change.
/// </summary>
static class MountStubs
{
    static readonly HashSet<string> Stubs = new(StringComparer.Ordinal)
    {
        "/proc", "/sys", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/dev/console", "/sys/fs", "/sys/fs/cgroup",
        "/etc", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/mtab", "/sbin", "/sbin/docker-init", "/.dockerenv",
    };

    public static bool Is(string path, Native.EntryStat stat) =>
        Stubs.Contains(path) && (stat.IsDirectory || (stat.IsRegular && stat.Size == 0));
}

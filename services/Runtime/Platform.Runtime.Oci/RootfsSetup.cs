using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// The container's filesystem view, made in its own mount namespace before pivot_root: the root bind-mounted on
/// itself, the spec's mounts (proc, /dev tmpfs, devpts, sysfs, cgroups, mqueue, shm, binds, tmpfs) at paths resolved
/// inside the rootfs, Docker's device nodes and /dev links; after the pivot, masked and read-only paths and a
/// read-only root when asked.
/// </summary>
static class RootfsSetup
{
    /// <summary>(name, major, minor) of the device nodes every container gets, mode 0666.</summary>
    static readonly (string Name, uint Major, uint Minor)[] Devices =
        [("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0)];

    static readonly (string Link, string Target)[] DevLinks =
        [("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2"), ("core", "/proc/kcore")];

    public static void BeforePivot(OciSpec spec)
    {
        var rootfs = spec.Root.Path;
        // Nothing mounted here propagates back to the host; the host's later mounts still reach the container.
        Sys.Check(Sys.mount(null, "/", null, Sys.MS_SLAVE | Sys.MS_REC, null), "make / rslave");
        Sys.Check(Sys.mount(rootfs, rootfs, "bind", Sys.MS_BIND | Sys.MS_REC, null), "bind rootfs");
        foreach (var mount in spec.Mounts) Mount(rootfs, mount);
        var dev = SecurePath.Join(rootfs, "/dev");
        foreach (var (name, major, minor) in Devices) MakeDevice(Path.Combine(dev, name), major, minor);
        foreach (var (link, target) in DevLinks)
        {
            if (link == "core" && !File.Exists("/proc/kcore")) continue;
            var path = Path.Combine(dev, link);
            if (Sys.symlink(target, path) != 0 && Sys.Errno != Sys.EEXIST) throw new OciException($"symlink {path}: {Sys.Error(Sys.Errno)}");
        }
        var ptmx = Path.Combine(dev, "ptmx");
        if (File.Exists(ptmx) || new FileInfo(ptmx).LinkTarget is not null) File.Delete(ptmx);
        Sys.Check(Sys.symlink("pts/ptmx", ptmx), "symlink /dev/ptmx");
    }

    /// <summary>pivot_root into the rootfs and detach the old root (runc's way: both at ".", then unmount it).</summary>
    public static void Pivot(string rootfs)
    {
        var oldRoot = Sys.Check(Sys.open("/", Sys.O_DIRECTORY | Sys.O_RDONLY | Sys.O_CLOEXEC, 0), "open /");
        try
        {
            Sys.Check(Sys.chdir(rootfs), $"chdir {rootfs}");
            Sys.Check(Sys.pivot_root(".", "."), "pivot_root");
            Sys.Check(Sys.fchdir(oldRoot), "fchdir old root");
            Sys.Check(Sys.mount(null, ".", null, Sys.MS_SLAVE | Sys.MS_REC, null), "make old root rslave");
            Sys.Check(Sys.umount2(".", Sys.MNT_DETACH), "unmount old root");
            Sys.Check(Sys.chdir("/"), "chdir /");
        }
        finally
        {
            Sys.close(oldRoot);
        }
    }

    public static void AfterPivot(OciSpec spec)
    {
        foreach (var path in spec.Linux.MaskedPaths ?? []) Mask(path);
        foreach (var path in spec.Linux.ReadonlyPaths ?? []) ReadOnly(path);
        if (spec.Root.Readonly)
            Sys.Check(Sys.mount(null, "/", null, Sys.MountFlags("/") | Sys.MS_REMOUNT | Sys.MS_BIND | Sys.MS_RDONLY, null), "remount / read-only");
    }

    static void Mount(string rootfs, OciMount mount)
    {
        var (flags, propagation, data) = Options(mount.Options);
        var destination = SecurePath.Join(rootfs, mount.Destination);
        switch (mount.Type)
        {
            case "bind":
                MakeTarget(destination, Directory.Exists(mount.Source));
                Sys.Check(Sys.mount(mount.Source, destination, "bind", Sys.MS_BIND | (flags & Sys.MS_REC), null), $"bind {mount.Source} on {mount.Destination}");
                var rest = flags & ~(Sys.MS_BIND | Sys.MS_REC);
                if (rest != 0) // a remount sets every per-mount flag: keep the source's nosuid, nodev, noexec
                    Sys.Check(Sys.mount(mount.Source, destination, "bind", rest | Sys.MountFlags(destination) | Sys.MS_BIND | Sys.MS_REMOUNT, null),
                        $"remount {mount.Destination}");
                break;
            case "cgroup":
                MakeTarget(destination, directory: true);
                MountCgroups(destination, flags);
                break;
            default:
                MakeTarget(destination, directory: true);
                Sys.Check(Sys.mount(mount.Source, destination, mount.Type, flags, data), $"mount {mount.Type} on {mount.Destination}");
                break;
        }
        foreach (var p in propagation) Sys.Check(Sys.mount(null, destination, null, p, null), $"propagation of {mount.Destination}");
    }

    /// <summary>
    /// cgroup v1 as runc shows it: a tmpfs with one mount per hierarchy this process is in; the cgroup namespace makes
    /// each show the container's own cgroup as its root. The hierarchies are read-only unless the spec says rw.
    /// </summary>
    static void MountCgroups(string destination, ulong flags)
    {
        var common = Sys.MS_NOSUID | Sys.MS_NODEV | Sys.MS_NOEXEC;
        Sys.Check(Sys.mount("tmpfs", destination, "tmpfs", common, "mode=755"), "mount cgroup tmpfs");
        foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3 || parts[1].Length == 0) continue; // the v2 line of a hybrid host
            var name = parts[1].StartsWith("name=", StringComparison.Ordinal) ? parts[1][5..] : parts[1];
            var target = Path.Combine(destination, name);
            Directory.CreateDirectory(target);
            var options = parts[1].StartsWith("name=", StringComparison.Ordinal) ? "none," + parts[1] : parts[1];
            Sys.Check(Sys.mount("cgroup", target, "cgroup", common | (flags & Sys.MS_RDONLY), options), $"mount cgroup {name}");
        }
    }

    static void MakeTarget(string path, bool directory)
    {
        if (directory)
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) && !Directory.Exists(path)) File.WriteAllBytes(path, []);
    }

    static void MakeDevice(string path, uint major, uint minor)
    {
        if (File.Exists(path)) return;
        var dev = ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);
        Sys.Check(Sys.mknod(path, Sys.S_IFCHR | 0x1b6, dev), $"mknod {path}");
        Sys.Check(Sys.chmod(path, 0x1b6), $"chmod {path}"); // the umask took some bits off
    }

    /// <summary>A directory gets an empty read-only tmpfs, a file /dev/null on top; a path that does not exist is left.</summary>
    static void Mask(string path)
    {
        if (Directory.Exists(path))
            Sys.Check(Sys.mount("tmpfs", path, "tmpfs", Sys.MS_RDONLY, null), $"mask {path}");
        else if (File.Exists(path) && Sys.mount("/dev/null", path, "bind", Sys.MS_BIND, null) != 0)
            throw new OciException($"mask {path}: {Sys.Error(Sys.Errno)}");
    }

    static void ReadOnly(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path)) return;
        Sys.Check(Sys.mount(path, path, "bind", Sys.MS_BIND | Sys.MS_REC, null), $"bind {path}");
        Sys.Check(Sys.mount(path, path, "bind", Sys.MountFlags(path) | Sys.MS_BIND | Sys.MS_REMOUNT | Sys.MS_RDONLY | Sys.MS_REC, null),
            $"remount {path} read-only");
    }

    static (ulong Flags, List<ulong> Propagation, string? Data) Options(IEnumerable<string> options)
    {
        ulong flags = 0;
        var propagation = new List<ulong>();
        var data = new List<string>();
        foreach (var option in options)
        {
            switch (option)
            {
                case "ro": flags |= Sys.MS_RDONLY; break;
                case "rw": flags &= ~Sys.MS_RDONLY; break;
                case "nosuid": flags |= Sys.MS_NOSUID; break;
                case "suid": flags &= ~Sys.MS_NOSUID; break;
                case "nodev": flags |= Sys.MS_NODEV; break;
                case "dev": flags &= ~Sys.MS_NODEV; break;
                case "noexec": flags |= Sys.MS_NOEXEC; break;
                case "exec": flags &= ~Sys.MS_NOEXEC; break;
                case "sync": flags |= Sys.MS_SYNCHRONOUS; break;
                case "async": flags &= ~Sys.MS_SYNCHRONOUS; break;
                case "dirsync": flags |= Sys.MS_DIRSYNC; break;
                case "noatime": flags |= Sys.MS_NOATIME; break;
                case "atime": flags &= ~Sys.MS_NOATIME; break;
                case "nodiratime": flags |= Sys.MS_NODIRATIME; break;
                case "diratime": flags &= ~Sys.MS_NODIRATIME; break;
                case "relatime": flags |= Sys.MS_RELATIME; break;
                case "norelatime": flags &= ~Sys.MS_RELATIME; break;
                case "strictatime": flags |= Sys.MS_STRICTATIME; break;
                case "nostrictatime": flags &= ~Sys.MS_STRICTATIME; break;
                case "bind": flags |= Sys.MS_BIND; break;
                case "rbind": flags |= Sys.MS_BIND | Sys.MS_REC; break;
                case "private": propagation.Add(Sys.MS_PRIVATE); break;
                case "rprivate": propagation.Add(Sys.MS_PRIVATE | Sys.MS_REC); break;
                case "shared": propagation.Add(Sys.MS_SHARED); break;
                case "rshared": propagation.Add(Sys.MS_SHARED | Sys.MS_REC); break;
                case "slave": propagation.Add(Sys.MS_SLAVE); break;
                case "rslave": propagation.Add(Sys.MS_SLAVE | Sys.MS_REC); break;
                case "unbindable": propagation.Add(Sys.MS_UNBINDABLE); break;
                case "runbindable": propagation.Add(Sys.MS_UNBINDABLE | Sys.MS_REC); break;
                case "defaults": break;
                default: data.Add(option); break;
            }
        }
        return (flags, propagation, data.Count > 0 ? string.Join(',', data) : null);
    }
}

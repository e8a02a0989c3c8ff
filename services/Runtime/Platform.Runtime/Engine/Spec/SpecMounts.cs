using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Spec;

/// <summary>The mounts of a container: Docker's defaults, the etc files, the init binary, the caller's mounts (which win).</summary>
static class SpecMounts
{
    const long DefaultShmSize = 64 * 1024 * 1024;
    const string InitPath = "/sbin/docker-init";

    public static List<OciMount> For(ContainerLaunch launch, string containerDir, string initBinary)
    {
        var shm = launch.Resources.ShmSize > 0 ? launch.Resources.ShmSize : DefaultShmSize;
        var defaults = new List<OciMount>
        {
            new("/proc", "proc", "proc", ["nosuid", "noexec", "nodev"]),
            new("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
            new("/dev/pts", "devpts", "devpts", ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
            new("/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", "ro"]),
            new("/sys/fs/cgroup", "cgroup", "cgroup", ["nosuid", "noexec", "nodev", "relatime", launch.Privileged ? "rw" : "ro"]),
            new("/dev/mqueue", "mqueue", "mqueue", ["nosuid", "noexec", "nodev"]),
            new("/dev/shm", "tmpfs", "shm", ["nosuid", "noexec", "nodev", "mode=1777", $"size={shm}"]),
            Bind(Path.Combine(containerDir, "resolv.conf"), "/etc/resolv.conf", false),
            Bind(Path.Combine(containerDir, "hostname"), "/etc/hostname", false),
            Bind(Path.Combine(containerDir, "hosts"), "/etc/hosts", false),
        };
        if (launch.Init) defaults.Add(Bind(initBinary, InitPath, true));

        var user = launch.Mounts.Select(User).ToList();
        var mounts = defaults.Where(d => user.All(u => Clean(u.Destination) != d.Destination)).Concat(user).ToList();
        // Parents before children, otherwise a later mount hides an earlier one; stable for equal depth.
        return mounts.OrderBy(m => Clean(m.Destination).Count(c => c == '/')).ToList();
    }

    public static string InitArg0 => InitPath;

    static OciMount User(MountSpec spec)
    {
        if (spec.Type == "tmpfs")
        {
            var options = new List<string> { "nosuid", "nodev", "noexec" };
            options.AddRange(spec.Options);
            if (spec.ReadOnly) options.Add("ro");
            return new OciMount(Clean(spec.Destination), "tmpfs", "tmpfs", options);
        }
        if (spec.Type != "bind") throw new EngineException($"invalid mount config for type \"{spec.Type}\": mount type unknown", 400);
        var mount = Bind(spec.Source, Clean(spec.Destination), spec.ReadOnly);
        if (spec.Options.Any(IsPropagation)) mount.Options.Remove("rprivate");
        mount.Options.AddRange(spec.Options.Where(o => !mount.Options.Contains(o)));
        return mount;
    }

    static OciMount Bind(string source, string destination, bool readOnly) =>
        new(destination, "bind", source, readOnly ? ["rbind", "rprivate", "ro"] : ["rbind", "rprivate"]);

    static bool IsPropagation(string option) => option is "private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave";

    static string Clean(string path) => "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));
}

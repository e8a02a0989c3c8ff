using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// A container's cgroup on this host's cgroupfs: the same path in every hierarchy mounted under /sys/fs/cgroup (the v1
/// controllers, the named systemd one and, on a hybrid host, the v2 "unified" one), limits written in the v1
/// controllers, and Docker's device rules.
/// </summary>
static class Cgroup
{
    const string Mount = "/sys/fs/cgroup";

    /// <summary>Character and block devices a container may use without being privileged (Docker's list).</summary>
    static readonly string[] AllowedDevices =
    [
        "c *:* m", "b *:* m", "c 1:3 rwm", "c 1:8 rwm", "c 1:7 rwm", "c 5:0 rwm", "c 1:5 rwm", "c 1:9 rwm",
        "c 136:* rwm", "c 5:2 rwm", "c 10:200 rwm",
    ];

    /// <summary>Every hierarchy mounted here, looked up once per process (a create makes, joins and writes dozens of paths).</summary>
    static readonly string[] Hierarchies = Directory.Exists(Mount)
        ? [.. Directory.EnumerateDirectories(Mount).Select(Path.GetFileName).OfType<string>()]
        : [];

    static readonly bool IsUnified = File.Exists(Path.Combine(Mount, "cgroup.controllers"));

    const string Unified = "unified";

    /// <summary>A hybrid host: a v2 hierarchy mounted at unified/ beside the v1 controllers.</summary>
    static readonly bool HasUnified = Hierarchies.Contains(Unified);

    static string In(string hierarchy, string path) => IsUnified ? Mount + path : $"{Mount}/{hierarchy}{path}";

    /// <summary>Makes the cgroup in every hierarchy and writes the limits; removes what it made when that fails.</summary>
    public static void Create(string path, OciResources resources)
    {
        if (IsUnified) throw new OciException("the built-in runtime needs cgroup v1 controllers (hybrid or legacy hierarchy)");
        try
        {
            foreach (var hierarchy in Hierarchies)
            {
                if (hierarchy == "cpuset") CreateCpuset(path);
                else Directory.CreateDirectory(In(hierarchy, path));
            }
            Limit(path, resources);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remove(path);
            throw new OciException($"cgroup {path}: {e.Message}");
        }
    }

    /// <summary>A v1 cpuset cgroup takes no task until its cpus and mems are set: each new level copies its parent's.</summary>
    static void CreateCpuset(string path)
    {
        var current = $"{Mount}/cpuset";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parent = current;
            current = Path.Combine(current, part);
            Directory.CreateDirectory(current);
            foreach (var file in new[] { "cpuset.cpus", "cpuset.mems" })
            {
                var mine = Path.Combine(current, file);
                if (File.ReadAllText(mine).Trim().Length == 0) File.WriteAllText(mine, File.ReadAllText(Path.Combine(parent, file)).Trim());
            }
        }
    }

    static void Limit(string path, OciResources resources)
    {
        if (resources.Memory is { } memory)
        {
            if (memory.Limit is { } limit) Write("memory", path, "memory.limit_in_bytes", limit.ToString());
            if (memory.Swap is { } swap) Write("memory", path, "memory.memsw.limit_in_bytes", swap.ToString());
        }
        if (resources.Cpu is { } cpu)
        {
            if (cpu.Shares is { } shares) Write("cpu", path, "cpu.shares", shares.ToString());
            if (cpu.Period is { } period) Write("cpu", path, "cpu.cfs_period_us", period.ToString());
            if (cpu.Quota is { } quota) Write("cpu", path, "cpu.cfs_quota_us", quota.ToString());
        }
        if (resources.Pids is { } pids) Write("pids", path, "pids.max", pids.Limit > 0 ? pids.Limit.ToString() : "max");

        // Devices: the spec's rules in order (Docker's is one "deny all" or "allow all"), then Docker's allowed list
        // unless everything is already allowed.
        var allowAll = false;
        foreach (var rule in resources.Devices)
        {
            Write("devices", path, rule.Allow ? "devices.allow" : "devices.deny", "a");
            allowAll = rule.Allow;
        }
        if (!allowAll)
            foreach (var device in AllowedDevices) Write("devices", path, "devices.allow", device);
    }

    static void Write(string hierarchy, string path, string file, string value) =>
        File.WriteAllText(Path.Combine(In(hierarchy, path), file), value);

    /// <summary>
    /// On a hybrid host, the cgroup's directory in the v2 "unified" hierarchy, made if missing and opened for a child to
    /// be born in (<see cref="Native.ProcessSpawner.SpawnIntoCgroup"/>); -1 on a host without one.
    /// </summary>
    public static int OpenUnified(string path)
    {
        if (!HasUnified) return -1;
        var dir = In(Unified, path);
        try { Directory.CreateDirectory(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OciException($"cgroup {path}: {e.Message}"); }
        return Sys.Check(Sys.open(dir, Sys.O_RDONLY | Sys.O_DIRECTORY | Sys.O_CLOEXEC, 0), $"open cgroup {Unified}{path}");
    }

    /// <summary>
    /// Moves the calling thread into the cgroup in every v1 hierarchy: "0" written to each one's tasks file. A thread
    /// moving itself is the one migration the kernel makes without its global lock (whose write side waits out an RCU
    /// grace period, milliseconds each time). The container's init and an exec's process call it before anything else;
    /// the thread that calls it is the one that execs, so the container's process and all it starts are in the cgroup.
    /// The v2 hierarchy of a hybrid host is joined at birth (<see cref="OpenUnified"/>) or by <see cref="JoinUnified"/>.
    /// </summary>
    public static void JoinSelf(string path)
    {
        foreach (var hierarchy in Hierarchies)
        {
            if (hierarchy == Unified) continue;
            try { File.WriteAllText(Path.Combine(In(hierarchy, path), "tasks"), "0"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OciException($"join cgroup {hierarchy}{path}: {e.Message}");
            }
        }
    }

    /// <summary>Moves a process into the cgroup of the v2 hierarchy of a hybrid host (when it could not be born there).</summary>
    public static void JoinUnified(string path, int pid)
    {
        if (!HasUnified) return;
        try { File.WriteAllText(Path.Combine(In(Unified, path), "cgroup.procs"), pid.ToString()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciException($"join cgroup {Unified}{path}: {e.Message}");
        }
    }

    /// <summary>The pids in the cgroup (its pids hierarchy; the freezer one when there is none).</summary>
    public static IReadOnlyList<int> Pids(string path)
    {
        foreach (var hierarchy in new[] { "pids", "freezer", "memory" })
        {
            var procs = Path.Combine(In(hierarchy, path), "cgroup.procs");
            try
            {
                return [.. File.ReadAllLines(procs).Where(l => l.Length > 0).Select(int.Parse)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return [];
    }

    public static bool IsFrozen(string path)
    {
        try { return File.ReadAllText(Path.Combine(In("freezer", path), "freezer.state")).Trim() != "THAWED"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Freezes or thaws every process of the cgroup; returns once the freezer reports the new state.</summary>
    public static void Freeze(string path, bool frozen)
    {
        var state = Path.Combine(In("freezer", path), "freezer.state");
        var wanted = frozen ? "FROZEN" : "THAWED";
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            File.WriteAllText(state, wanted);
            if (File.ReadAllText(state).Trim() == wanted) return;
            if (Environment.TickCount64 > deadline) throw new OciException($"the freezer of {path} did not reach {wanted}");
            Thread.Sleep(1);
        }
    }

    /// <summary>Removes the cgroup from every hierarchy (each must be empty of processes by then).</summary>
    public static void Remove(string path)
    {
        foreach (var hierarchy in Hierarchies)
        {
            var dir = In(hierarchy, path);
            try { if (Directory.Exists(dir)) Directory.Delete(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}

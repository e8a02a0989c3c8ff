namespace Platform.Runtime.Engine.Stats;

/// <summary>Reads a container's cgroup v1 files ({mount}/{controller}/{cgroupsPath}/…) into a stats sample.</summary>
sealed class CgroupStatsReader(EngineSettings settings, TimeProvider time)
{
    const string Mount = "/sys/fs/cgroup";
    const ulong Unlimited = 0x7FFFFFFFFFFFF000; // what cgroup v1 reports for "no limit" (page-aligned LONG_MAX)
    const ulong NanosPerTick = 10_000_000;       // USER_HZ = 100 on Linux

    public string Dir(string controller, string id) => Mount + "/" + controller + settings.CgroupsPath(id);

    public IReadOnlyList<int> Pids(string id)
    {
        var procs = Path.Combine(Dir("pids", id), "cgroup.procs");
        if (!File.Exists(procs)) procs = Path.Combine(Dir("memory", id), "cgroup.procs");
        try { return File.ReadAllLines(procs).Where(l => l.Length > 0).Select(int.Parse).ToList(); }
        catch (IOException) { return []; }
    }

    public ContainerStatsSample Read(string id)
    {
        var memory = Dir("memory", id);
        var cpuacct = Dir("cpuacct", id);
        var pids = Dir("pids", id);
        var limit = Number(Path.Combine(memory, "memory.limit_in_bytes"));
        var mem = new MemorySample(Number(Path.Combine(memory, "memory.usage_in_bytes")),
            Number(Path.Combine(memory, "memory.max_usage_in_bytes")),
            limit is 0 or >= Unlimited ? HostMemory() : limit, KeyValues(Path.Combine(memory, "memory.stat")));
        var cpuStat = KeyValues(Path.Combine(cpuacct, "cpuacct.stat"));
        var cpu = new CpuSample(Number(Path.Combine(cpuacct, "cpuacct.usage")), Numbers(Path.Combine(cpuacct, "cpuacct.usage_percpu")),
            cpuStat.GetValueOrDefault("user") * NanosPerTick, cpuStat.GetValueOrDefault("system") * NanosPerTick,
            SystemCpuUsage(), (uint)Environment.ProcessorCount);
        var pidsMax = Text(Path.Combine(pids, "pids.max"));
        var pidSample = new PidsSample(Number(Path.Combine(pids, "pids.current")), ulong.TryParse(pidsMax, out var max) ? max : 0);
        return new ContainerStatsSample(time.GetUtcNow(), mem, cpu, pidSample, Blkio(Dir("blkio", id)));
    }

    static IReadOnlyList<BlkioEntry> Blkio(string dir)
    {
        var file = Path.Combine(dir, "blkio.throttle.io_service_bytes_recursive");
        var entries = new List<BlkioEntry>();
        foreach (var line in Text(file).Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[0].Split(':') is not [var major, var minor]) continue;
            entries.Add(new BlkioEntry(ulong.Parse(major), ulong.Parse(minor), parts[1], ulong.Parse(parts[2])));
        }
        return entries;
    }

    /// <summary>All cpus' time since boot, /proc/stat's first line (user … steal) in nanoseconds, as Docker computes it.</summary>
    static ulong SystemCpuUsage()
    {
        var first = Text("/proc/stat").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return first.Skip(1).Take(8).Select(ulong.Parse).Aggregate(0UL, (a, b) => a + b) * NanosPerTick;
    }

    static ulong HostMemory()
    {
        var line = Text("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : ulong.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    static Dictionary<string, ulong> KeyValues(string path) => Text(path).Split('\n')
        .Select(l => l.Split(' ')).Where(p => p.Length == 2 && ulong.TryParse(p[1], out _))
        .ToDictionary(p => p[0], p => ulong.Parse(p[1]));

    static List<ulong> Numbers(string path) =>
        Text(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse).ToList();

    static ulong Number(string path) => ulong.TryParse(Text(path), out var value) ? value : 0;

    static string Text(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}

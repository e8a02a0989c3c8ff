namespace Platform.Runtime.Hosting;

/// <summary>What this machine is, read once from /proc and /etc at startup.</summary>
public sealed record HostFacts(
    string Hostname, string KernelVersion, string OperatingSystem, string OsVersion,
    int Cpus, long MemoryBytes, string CgroupVersion)
{
    public static HostFacts Read() => new(
        Environment.MachineName,
        ReadTrimmed("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.Version.ToString(),
        OsRelease("PRETTY_NAME") ?? "Linux",
        OsRelease("VERSION_ID") ?? "",
        Environment.ProcessorCount,
        MemTotal(),
        // Unified-only hosts have cgroup.controllers at the root; hybrid hosts (v1 controllers) do not.
        File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1");

    static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    static string? OsRelease(string key)
    {
        if (!File.Exists("/etc/os-release")) return null;
        var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal));
        return line?[(key.Length + 1)..].Trim('"');
    }

    static long MemTotal()
    {
        var line = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, out var value) ? value * 1024 : 0;
    }
}

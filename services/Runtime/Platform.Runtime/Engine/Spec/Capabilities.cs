namespace Platform.Runtime.Engine.Spec;

/// <summary>Docker's capability rules: a default set, CapAdd/CapDrop with or without CAP_, "ALL" in either list.</summary>
static class Capabilities
{
    public static readonly IReadOnlyList<string> DockerDefaults =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>Every capability by number (linux/capability.h), cut at the kernel's cap_last_cap.</summary>
    static readonly string[] ByNumber =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    public static IReadOnlyList<string> All { get; } = ByNumber.Take(LastCap() + 1).ToArray();

    public static IReadOnlyList<string> Resolve(bool privileged, IReadOnlyList<string> add, IReadOnlyList<string> drop)
    {
        if (privileged) return All;
        var adds = add.Select(c => Normalize(c, "CapAdd")).ToList();
        var drops = drop.Select(c => Normalize(c, "CapDrop")).ToList();
        var result = adds.Contains("ALL") ? All.ToList() : drops.Contains("ALL") ? [] : DockerDefaults.ToList();
        if (!drops.Contains("ALL")) result.RemoveAll(drops.Contains);
        foreach (var cap in adds.Where(c => c != "ALL" && !result.Contains(c))) result.Add(cap);
        return result;
    }

    static string Normalize(string name, string list)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (upper == "ALL") return upper;
        var cap = upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
        return ByNumber.Contains(cap) ? cap : throw new EngineException($"invalid {list}: unknown capability: \"{cap}\"", 400);
    }

    static int LastCap()
    {
        try { return int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim()); }
        catch (IOException) { return ByNumber.Length - 1; }
    }
}

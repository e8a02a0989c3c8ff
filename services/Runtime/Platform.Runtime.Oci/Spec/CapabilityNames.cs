namespace Platform.Runtime.Oci.Spec;

/// <summary>Linux capabilities by number (linux/capability.h), and the ones this kernel has (up to cap_last_cap).</summary>
static class CapabilityNames
{
    public static readonly string[] Known =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>
    /// The capabilities this kernel has and this process may grant (its bounding set), in number order: "all
    /// capabilities" of a privileged container, which no OCI runtime could apply beyond what its caller holds.
    /// </summary>
    public static IReadOnlyList<string> All => Granted.Names;

    /// <summary>The kernel's number of a capability ("CAP_CHOWN" is 0); -1 for one this kernel does not have.</summary>
    public static int NumberOf(string name) => Array.IndexOf(Known, name) is var n && n <= LastNumber ? n : -1;

    /// <summary>The highest capability number of this kernel (cap_last_cap).</summary>
    public static int LastNumber { get; } = LastCap();

    /// <summary>Computed on first use only: platform-oci needs the numbers, not the list (nor reading /proc/self/status).</summary>
    static class Granted
    {
        public static readonly string[] Names = Known.Take(LastNumber + 1).Where((_, n) => (Bounding() & (1UL << n)) != 0).ToArray();
    }

    static ulong Bounding()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapBnd:", StringComparison.Ordinal));
            return line is null ? ulong.MaxValue : Convert.ToUInt64(line[7..].Trim(), 16);
        }
        catch (IOException) { return ulong.MaxValue; }
    }

    static int LastCap()
    {
        try { return int.Parse(System.Text.Encoding.ASCII.GetString(File.ReadAllBytes("/proc/sys/kernel/cap_last_cap")).Trim()); }
        catch (IOException) { return Known.Length - 1; }
    }
}

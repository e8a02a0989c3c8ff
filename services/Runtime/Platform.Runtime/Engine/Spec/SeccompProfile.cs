using System.Runtime.InteropServices;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Spec;

/// <summary>
/// The default seccomp profile: allow everything, refuse with EPERM what Docker's profile refuses an unprivileged
/// container. Groups tied to a capability are lifted when the container holds it (as Docker's profile does).
/// </summary>
static class SeccompProfile
{
    const uint EPERM = 1, ENOSYS = 38;

    /// <summary>(capability that unlocks the group or null for never, syscalls).</summary>
    static readonly (string? Capability, string[] Syscalls)[] Denied =
    [
        (null, ["add_key", "keyctl", "request_key", "swapon", "swapoff", "uselib", "ustat", "sysfs", "_sysctl",
            "nfsservctl", "get_kernel_syms", "query_module", "userfaultfd", "vm86", "vm86old"]),
        ("CAP_SYS_ADMIN", ["mount", "umount", "umount2", "pivot_root", "unshare", "setns", "bpf", "perf_event_open",
            "fanotify_init", "lookup_dcookie", "quotactl", "setdomainname", "sethostname", "name_to_handle_at",
            "fsconfig", "fsmount", "fsopen", "fspick", "move_mount", "open_tree", "mount_setattr"]),
        ("CAP_DAC_READ_SEARCH", ["open_by_handle_at"]),
        ("CAP_SYS_BOOT", ["reboot", "kexec_load", "kexec_file_load"]),
        ("CAP_SYS_MODULE", ["init_module", "finit_module", "delete_module", "create_module"]),
        ("CAP_SYS_TIME", ["settimeofday", "stime", "clock_settime", "clock_adjtime"]),
        ("CAP_SYS_PACCT", ["acct"]),
        ("CAP_SYS_RAWIO", ["iopl", "ioperm"]),
        ("CAP_SYS_PTRACE", ["kcmp", "process_madvise", "pidfd_getfd"]),
        ("CAP_SYS_NICE", ["get_mempolicy", "mbind", "set_mempolicy"]),
        ("CAP_SYSLOG", ["syslog"]),
    ];

    /// <summary>clone flags that create namespaces (CLONE_NEWNS … CLONE_NEWNET); refused unless CAP_SYS_ADMIN.</summary>
    static readonly ulong[] NamespaceFlags = [0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000];

    public static OciSeccomp For(IReadOnlyList<string> capabilities)
    {
        var rules = Denied.Where(g => g.Capability is null || !capabilities.Contains(g.Capability))
            .Select(g => new OciSyscall([.. g.Syscalls], "SCMP_ACT_ERRNO", EPERM)).ToList();
        if (!capabilities.Contains("CAP_SYS_ADMIN"))
        {
            rules.AddRange(NamespaceFlags.Select(flag => new OciSyscall(["clone"], "SCMP_ACT_ERRNO", EPERM,
                [new OciSyscallArg(0, flag, flag, "SCMP_CMP_MASKED_EQ")])));
            rules.Add(new OciSyscall(["clone3"], "SCMP_ACT_ERRNO", ENOSYS)); // libc falls back to clone, which is filtered
        }
        return new OciSeccomp("SCMP_ACT_ALLOW", Architectures(), rules);
    }

    static List<string> Architectures() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => ["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"],
        _ => ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
    };
}

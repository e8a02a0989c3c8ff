using System.Runtime.InteropServices;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// Loads a spec's seccomp profile into the calling thread with libseccomp (the library runc itself links), for every
/// architecture the profile names. The filter outlives execve, so it binds the container's process.
/// </summary>
static unsafe partial class Seccomp
{
    const string Library = "libseccomp.so.2";
    const uint ActAllow = 0x7fff0000, ActKillThread = 0, ActKillProcess = 0x80000000, ActTrap = 0x00030000, ActLog = 0x7ffc0000;
    const int AttrNoNewPrivs = 3;

    [StructLayout(LayoutKind.Sequential)]
    struct ArgCmp
    {
        public uint Arg;
        public int Op;
        public ulong DatumA;
        public ulong DatumB;
    }

    [LibraryImport(Library)] private static partial nint seccomp_init(uint defaultAction);
    [LibraryImport(Library)] private static partial void seccomp_release(nint ctx);
    [LibraryImport(Library)] private static partial int seccomp_attr_set(nint ctx, int attribute, uint value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] private static partial uint seccomp_arch_resolve_name(string name);
    [LibraryImport(Library)] private static partial int seccomp_arch_add(nint ctx, uint arch);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] private static partial int seccomp_syscall_resolve_name(string name);
    [LibraryImport(Library)] private static partial int seccomp_rule_add_array(nint ctx, uint action, int syscall, uint count, ArgCmp* args);
    [LibraryImport(Library)] private static partial int seccomp_load(nint ctx);

    [LibraryImport(Library)] private static partial uint seccomp_api_get();

    /// <summary>
    /// Loads the library while the host's filesystem is still the root: after pivot_root (or joining a container's mount
    /// namespace) it could not be found, and calls resolve against the library already loaded.
    /// </summary>
    public static void Preload() => seccomp_api_get();

    public static void Load(OciSeccomp profile)
    {
        var ctx = seccomp_init(Action(profile.DefaultAction, null));
        if (ctx == 0) throw new OciException("seccomp: cannot initialise the filter");
        try
        {
            // no_new_privs is the spec's to set (process.noNewPrivileges), not the library's.
            Check(seccomp_attr_set(ctx, AttrNoNewPrivs, 0), "seccomp attribute");
            foreach (var name in profile.Architectures)
            {
                var arch = seccomp_arch_resolve_name(name.StartsWith("SCMP_ARCH_", StringComparison.Ordinal) ? name[10..].ToLowerInvariant() : name);
                if (arch == 0) continue;
                var rc = seccomp_arch_add(ctx, arch);
                if (rc != 0 && rc != -Sys.EEXIST) throw new OciException($"seccomp: add architecture {name}: {Sys.Error(-rc)}");
            }
            var cmp = stackalloc ArgCmp[6]; // a syscall has six arguments at most
            foreach (var rule in profile.Syscalls)
            {
                var action = Action(rule.Action, rule.ErrnoRet);
                var args = rule.Args ?? [];
                if (args.Count > 6) throw new OciException("seccomp: a rule compares more than six arguments");
                for (var i = 0; i < args.Count; i++)
                    cmp[i] = new ArgCmp { Arg = args[i].Index, Op = Operator(args[i].Op), DatumA = args[i].Value, DatumB = args[i].ValueTwo };
                foreach (var name in rule.Names)
                {
                    var nr = seccomp_syscall_resolve_name(name);
                    if (nr == -1) continue; // not a syscall of this kernel's architectures
                    Check(seccomp_rule_add_array(ctx, action, nr, (uint)args.Count, cmp), $"seccomp rule for {name}");
                }
            }
            Check(seccomp_load(ctx), "seccomp load");
        }
        finally
        {
            seccomp_release(ctx);
        }
    }

    static uint Action(string action, uint? errno) => action switch
    {
        "SCMP_ACT_ALLOW" => ActAllow,
        "SCMP_ACT_ERRNO" => 0x00050000 | ((errno ?? (uint)Sys.EPERM) & 0xffff),
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => ActKillThread,
        "SCMP_ACT_KILL_PROCESS" => ActKillProcess,
        "SCMP_ACT_TRAP" => ActTrap,
        "SCMP_ACT_LOG" => ActLog,
        _ => throw new OciException($"seccomp: unknown action {action}"),
    };

    static int Operator(string op) => op switch
    {
        "SCMP_CMP_NE" => 1,
        "SCMP_CMP_LT" => 2,
        "SCMP_CMP_LE" => 3,
        "SCMP_CMP_EQ" => 4,
        "SCMP_CMP_GE" => 5,
        "SCMP_CMP_GT" => 6,
        "SCMP_CMP_MASKED_EQ" => 7,
        _ => throw new OciException($"seccomp: unknown operator {op}"),
    };

    static void Check(int rc, string what)
    {
        if (rc < 0) throw new OciException($"{what}: {Sys.Error(-rc)}");
    }
}

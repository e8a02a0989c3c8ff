using System.Runtime.InteropServices;
using System.Text;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// A spec's seccomp profile compiled with libseccomp (the library runc itself links) for every architecture it names,
/// and loaded into the calling thread; the filter outlives execve, so it binds the container's process.
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

    [LibraryImport(Library)] private static partial int seccomp_export_bpf(nint ctx, int fd);

    /// <summary>
    /// The profile as a BPF program, compiled by libseccomp once per distinct profile and kept in the runtime's state
    /// directory (profiles repeat: Docker's default, per capability set), so a container start loads it without
    /// compiling. Called while the host's filesystem is still the root (the cache and the library live there).
    /// </summary>
    public static byte[] Compile(OciSeccomp profile, string cacheDir)
    {
        var canonical = Encoding.UTF8.GetBytes(Canonical(profile));
        var path = Path.Combine(cacheDir, ".seccomp", Fnv1a(canonical).ToString("x16")); // no container id starts with a dot
        try
        {
            var cached = File.ReadAllBytes(path);
            // The file starts with the profile it was compiled from: a hash collision can only miss, never load the wrong filter.
            if (cached.Length > canonical.Length && cached.AsSpan(0, canonical.Length).SequenceEqual(canonical)) return cached[canonical.Length..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }

        var program = Build(profile);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}";
            using (var file = File.Create(temporary))
            {
                file.Write(canonical);
                file.Write(program);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the next start compiles again
        return program;
    }

    /// <summary>Loads a compiled program into the calling thread (needs no_new_privs or CAP_SYS_ADMIN); it survives execve.</summary>
    public static unsafe void Load(byte[] program)
    {
        if (program.Length == 0 || program.Length % 8 != 0) throw new OciException("seccomp: a compiled filter is malformed");
        fixed (byte* instructions = program)
        {
            var fprog = stackalloc long[2];
            fprog[0] = program.Length / 8; // unsigned short len, padded
            fprog[1] = (long)instructions;
            if (Sys.seccomp_set_filter(fprog) != 0)
                throw new OciException($"seccomp: load the filter: {Sys.Error(Sys.Errno)}");
        }
    }

    static byte[] Build(OciSeccomp profile)
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
            var memory = Sys.Check(Sys.memfd_create("seccomp", Sys.MFD_CLOEXEC), "memfd_create");
            try
            {
                Check(seccomp_export_bpf(ctx, memory), "seccomp export");
                return File.ReadAllBytes($"/proc/self/fd/{memory}");
            }
            finally
            {
                Sys.close(memory);
            }
        }
        finally
        {
            seccomp_release(ctx);
        }
    }

    static string Canonical(OciSeccomp profile)
    {
        var text = new StringBuilder().Append(profile.DefaultAction).Append('|').AppendJoin(',', profile.Architectures);
        foreach (var rule in profile.Syscalls)
        {
            text.Append('|').AppendJoin(',', rule.Names).Append(':').Append(rule.Action).Append(':').Append(rule.ErrnoRet);
            foreach (var arg in rule.Args ?? []) text.Append(':').Append(arg.Index).Append(',').Append(arg.Value).Append(',').Append(arg.ValueTwo).Append(',').Append(arg.Op);
        }
        return text.ToString();
    }

    static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data) hash = (hash ^ b) * 1099511628211UL;
        return hash;
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

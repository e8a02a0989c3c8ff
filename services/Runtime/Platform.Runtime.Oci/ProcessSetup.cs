using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// The last steps before the container's process runs, in runc's order: terminal, rlimits, the executable looked up
/// in the container's PATH, seccomp (first when it needs CAP_SYS_ADMIN, i.e. without no_new_privs), the bounding set,
/// user and groups, capabilities, working directory, no_new_privs, then execve.
/// </summary>
static unsafe class ProcessSetup
{
    const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    static readonly string[] Rlimits =
    [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
        "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ];

    /// <summary>
    /// With a terminal: a pty from the container's devpts, its master sent to the console socket (connected by the
    /// caller before the pivot), its slave the process's stdio, controlling terminal and, for a container, /dev/console.
    /// </summary>
    public static void Terminal(OciProcess process, int consoleSocket, bool bindConsole)
    {
        var master = Sys.Check(Sys.open("/dev/ptmx", Sys.O_RDWR | Sys.O_NOCTTY | Sys.O_CLOEXEC, 0), "open /dev/ptmx");
        try
        {
            int unlock = 0, number = 0;
            Sys.Check(Sys.ioctl(master, Sys.TIOCSPTLCK, &unlock), "unlock pty");
            Sys.Check(Sys.ioctl(master, Sys.TIOCGPTN, &number), "pty number");
            var slavePath = $"/dev/pts/{number}";
            if (process.ConsoleSize is { } size)
            {
                var winsize = stackalloc ushort[4];
                winsize[0] = (ushort)size.Height;
                winsize[1] = (ushort)size.Width;
                Sys.Check(Sys.ioctl(master, Sys.TIOCSWINSZ, winsize), "set the terminal size");
            }
            Sys.SendFd(consoleSocket, master, slavePath);
            var slave = Sys.Check(Sys.open(slavePath, Sys.O_RDWR | Sys.O_NOCTTY, 0), $"open {slavePath}");
            if (bindConsole)
            {
                if (!File.Exists("/dev/console")) File.WriteAllBytes("/dev/console", []);
                Sys.Check(Sys.mount(slavePath, "/dev/console", "bind", Sys.MS_BIND, null), "bind /dev/console");
            }
            Sys.Check(Sys.setsid(), "setsid");
            Sys.Check(Sys.ioctl(slave, Sys.TIOCSCTTY, null), "set the controlling terminal");
            for (var fd = 0; fd < 3; fd++) Sys.Check(Sys.dup2(slave, fd), "dup2 terminal");
            if (slave > 2) Sys.close(slave);
        }
        finally
        {
            Sys.close(master);
            Sys.close(consoleSocket);
        }
    }

    public static void SetRlimits(OciProcess process)
    {
        var limits = stackalloc ulong[2];
        foreach (var rlimit in process.Rlimits)
        {
            var resource = Array.IndexOf(Rlimits, rlimit.Type);
            if (resource < 0) throw new OciException($"unknown rlimit {rlimit.Type}");
            limits[0] = rlimit.Soft;
            limits[1] = rlimit.Hard;
            Sys.Check(Sys.setrlimit(resource, limits), $"setrlimit {rlimit.Type}");
        }
    }

    /// <summary>The executable as execve will run it: args[0] itself when it has a '/', else the first match on PATH.</summary>
    public static string Lookup(OciProcess process)
    {
        var file = process.Args[0];
        if (file.Contains('/'))
        {
            var full = Path.IsPathRooted(file) ? file : Path.Combine(process.Cwd, file);
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new OciException($"exec: \"{file}\": stat {file}: no such file or directory");
            if (Directory.Exists(full)) throw new OciException($"exec: \"{file}\": is a directory");
            return file;
        }
        var pathVariable = process.Env.LastOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?[5..] ?? DefaultPath;
        foreach (var dir in pathVariable.Split(':'))
        {
            var candidate = Path.Combine(dir.Length == 0 ? "." : dir, file);
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        throw new OciException($"exec: \"{file}\": executable file not found in $PATH");
    }

    static bool IsExecutable(string path) => Sys.access(path, 1 /* X_OK */) == 0;

    /// <summary>Seccomp (compiled), bounding set, user, capabilities, cwd, no_new_privs: everything between setup and execve.</summary>
    public static void Confine(OciProcess process, byte[]? seccomp)
    {
        if (seccomp is not null && !process.NoNewPrivileges) Seccomp.Load(seccomp); // needs CAP_SYS_ADMIN without no_new_privs

        var caps = process.Capabilities;
        if (caps is not null)
        {
            var bounding = Mask(caps.Bounding);
            for (var cap = 0; cap <= CapabilityNames.LastNumber; cap++)
                if ((bounding & (1UL << cap)) == 0) Sys.Check(Sys.prctl(Sys.PR_CAPBSET_DROP, (ulong)cap, 0, 0, 0), $"drop {CapabilityNames.Known[cap]}");
        }

        Sys.Check(Sys.prctl(Sys.PR_SET_KEEPCAPS, 1, 0, 0, 0), "keep capabilities");
        var groups = process.User.AdditionalGids ?? [];
        var gids = stackalloc uint[Math.Max(groups.Count, 1)];
        for (var i = 0; i < groups.Count; i++) gids[i] = groups[i];
        Sys.Check(Sys.setgroups(groups.Count, gids), "setgroups");
        Sys.Check(Sys.setresgid(process.User.Gid, process.User.Gid, process.User.Gid), $"setgid {process.User.Gid}");
        Sys.Check(Sys.setresuid(process.User.Uid, process.User.Uid, process.User.Uid), $"setuid {process.User.Uid}");
        Sys.Check(Sys.prctl(Sys.PR_SET_KEEPCAPS, 0, 0, 0, 0), "clear keep capabilities");

        if (caps is not null)
        {
            Sys.Check(Sys.capset(Mask(caps.Effective), Mask(caps.Permitted), 0), "capset");
            Sys.prctl(Sys.PR_CAP_AMBIENT, Sys.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
        }

        if (Sys.chdir(process.Cwd) != 0)
            throw new OciException($"chdir to cwd (\"{process.Cwd}\") set in config.json failed: {Sys.Error(Sys.Errno)}");
        if (process.NoNewPrivileges) Sys.Check(Sys.prctl(Sys.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs");
        if (seccomp is not null && process.NoNewPrivileges) Seccomp.Load(seccomp);
    }

    static ulong Mask(IEnumerable<string> names)
    {
        ulong mask = 0;
        foreach (var name in names)
            if (CapabilityNames.NumberOf(name) is var n && n >= 0) mask |= 1UL << n;
        return mask;
    }

    /// <summary>Every descriptor above stdio closes on exec: nothing of the runtime's leaks into the container.</summary>
    public static void CloseOnExecAbove(int lowest)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd >= lowest)
                Sys.fcntl(fd, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */);
    }

    /// <summary>Replaces this process with the container's; returns only on failure (the message says why).</summary>
    public static string Exec(string executable, OciProcess process)
    {
        var path = (byte*)System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(executable);
        var argv = Sys.Strings(process.Args);
        var envp = Sys.Strings(process.Env);
        Sys.ResetSignals();
        Sys.execve(path, argv, envp);
        var error = Sys.Error(Sys.Errno);
        Sys.FreeStrings(argv);
        Sys.FreeStrings(envp);
        System.Runtime.InteropServices.Marshal.FreeCoTaskMem((nint)path);
        return $"exec: \"{process.Args[0]}\": {error}";
    }
}

using System.Runtime.InteropServices;

namespace Platform.Runtime.Oci.Native;

/// <summary>
/// Starts a program with exactly the descriptors it is given: every fd .NET opens is O_CLOEXEC, and the child sees
/// only the ones mapped here (dup2 in the child clears the flag on the copy only). Two concurrent spawns therefore never
/// leak each other's pipe ends, which would keep a sync pipe from reaching EOF. Signal dispositions and the mask are
/// reset, so the child does not inherit .NET's ignored SIGPIPE.
/// </summary>
static partial class ProcessSpawner
{
    const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    const int EINTR = 4;

    public static int Spawn(string path, IReadOnlyList<string> args, IReadOnlyList<string> env, IReadOnlyList<(int Fd, int Target)> fds, string workingDir)
    {
        var actions = Marshal.AllocHGlobal(1024);
        var attr = Marshal.AllocHGlobal(1024);
        var sigset = Marshal.AllocHGlobal(256);
        var strings = new List<IntPtr>();
        try
        {
            posix_spawn_file_actions_init(actions);
            foreach (var (fd, target) in fds) Check(posix_spawn_file_actions_adddup2(actions, fd, target), "adddup2");
            Check(posix_spawn_file_actions_addchdir_np(actions, workingDir), "addchdir");
            posix_spawnattr_init(attr);
            Check(posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK), "setflags");
            sigfillset(sigset);
            Check(posix_spawnattr_setsigdefault(attr, sigset), "setsigdefault");
            sigemptyset(sigset);
            Check(posix_spawnattr_setsigmask(attr, sigset), "setsigmask");
            var rc = posix_spawn(out var pid, path, actions, attr, Terminated(args, strings), Terminated(env, strings));
            Check(rc, $"spawn {path}");
            return pid;
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attr);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attr);
            Marshal.FreeHGlobal(sigset);
            strings.ForEach(Marshal.FreeHGlobal);
        }
    }

    /// <summary>
    /// Forks the calling thread alone (clone3): 0 in the child, its pid in the parent. With a cgroup v2 directory
    /// (<paramref name="cgroupFd"/> ≥ 0) the child is born in it (CLONE_INTO_CGROUP) and Born says so: no write to
    /// cgroup.procs afterwards, which takes the kernel's global cgroup migration lock and waits out an RCU grace period
    /// (5–20 ms here, once the largest part of a create). A kernel that cannot (before 5.7) forks it where its parent is,
    /// and the caller moves it.
    ///
    /// The child runs managed code with none of the parent's other threads: it must not wait on anything they hold.
    /// Callers fork from a process whose other threads are parked in a wait (so a collection in the child finds no thread
    /// to stop), and end the child with <see cref="Exit"/> or an exec, never by returning into the parent's frames.
    /// </summary>
    public static unsafe int Fork(int cgroupFd, out bool born)
    {
        var cloneArgs = stackalloc ulong[11]; // struct clone_args, CLONE_ARGS_SIZE_VER2
        new Span<ulong>(cloneArgs, 11).Clear();
        cloneArgs[4] = SIGCHLD; // exit_signal
        born = false;
        if (cgroupFd >= 0)
        {
            cloneArgs[0] = CLONE_INTO_CGROUP;
            cloneArgs[10] = (ulong)cgroupFd;
            var pid = RawSyscall(SYS_clone3, (long)cloneArgs, 11 * sizeof(ulong), 0, 0, 0, 0);
            if (pid >= 0)
            {
                born = true;
                return (int)pid;
            }
            if (Marshal.GetLastSystemError() is not (Sys.ENOSYS or Sys.EINVAL or Sys.E2BIG))
                throw new OciException($"clone3: {Sys.Error(Marshal.GetLastSystemError())}");
            cloneArgs[0] = cloneArgs[10] = 0;
        }
        var child = RawSyscall(SYS_clone3, (long)cloneArgs, 11 * sizeof(ulong), 0, 0, 0, 0);
        if (child < 0 && Marshal.GetLastSystemError() == Sys.ENOSYS) child = RawSyscall(SYS_fork, 0, 0, 0, 0, 0, 0);
        return child >= 0 ? (int)child : throw new OciException($"fork: {Sys.Error(Marshal.GetLastSystemError())}");
    }

    /// <summary>Ends a forked child (exit_group), without unwinding into frames that belong to the parent.</summary>
    public static void Exit(int code)
    {
        RawSyscall(SYS_exit_group, code, 0, 0, 0, 0, 0);
    }

    /// <summary>
    /// <see cref="Spawn"/> through <see cref="Fork"/>: the child born in the cgroup v2 directory <paramref name="cgroupFd"/>
    /// (see there; Born false when the caller must move it). Between fork and execve the child makes raw system calls
    /// without a GC transition on memory prepared here, and allocates nothing.
    /// </summary>
    public static unsafe (int Pid, bool Born) SpawnIntoCgroup(string path, IReadOnlyList<string> args, IReadOnlyList<string> env,
        IReadOnlyList<(int Fd, int Target)> fds, string workingDir, int cgroupFd)
    {
        var file = (byte*)Marshal.StringToCoTaskMemUTF8(path);
        var dir = (byte*)Marshal.StringToCoTaskMemUTF8(workingDir);
        var argv = Sys.Strings(args);
        var envp = Sys.Strings(env);
        var count = fds.Count;
        var pairs = stackalloc int[count * 2];
        for (var i = 0; i < count; i++) (pairs[2 * i], pairs[2 * i + 1]) = fds[i];
        try
        {
            var pid = Fork(cgroupFd, out var born);
            if (pid != 0) return (pid, born);
            Sys.ResetSignals();
            for (var i = 0; i < count; i++)
            {
                int fd = pairs[2 * i], target = pairs[2 * i + 1];
                var rc = fd == target
                    ? RawSyscall(SYS_fcntl, fd, 2 /* F_SETFD */, 0, 0, 0, 0) // keep it across exec
                    : RawSyscall(SYS_dup2, fd, target, 0, 0, 0, 0);
                if (rc < 0) Exit(127);
            }
            if (RawSyscall(SYS_chdir, (long)dir, 0, 0, 0, 0, 0) < 0) Exit(127);
            RawSyscall(SYS_execve, (long)file, (long)argv, (long)envp, 0, 0, 0);
            Exit(127);
            return default; // not reached
        }
        finally
        {
            Marshal.FreeCoTaskMem((nint)file);
            Marshal.FreeCoTaskMem((nint)dir);
            Sys.FreeStrings(argv);
            Sys.FreeStrings(envp);
        }
    }

    const ulong CLONE_INTO_CGROUP = 0x200000000, SIGCHLD = 17;
    const long SYS_dup2 = 33, SYS_fork = 57, SYS_execve = 59, SYS_fcntl = 72, SYS_chdir = 80, SYS_exit_group = 231, SYS_clone3 = 435;

    /// <summary>
    /// syscall(2) with no GC transition and no errno capture: safe in a forked child whose other threads are gone. libc's
    /// wrapper returns -1 and sets errno on failure (read with Marshal.GetLastSystemError in the parent).
    /// </summary>
    [LibraryImport("libc", EntryPoint = "syscall")]
    [SuppressGCTransition]
    internal static partial long RawSyscall(long number, long a, long b, long c, long d, long e, long f);

    /// <summary>Reaps a child started by <see cref="Spawn"/>; returns the raw wait status (-1 when it cannot).</summary>
    public static int Reap(int pid)
    {
        while (true)
        {
            if (waitpid(pid, out var status, 0) == pid) return status;
            if (Marshal.GetLastPInvokeError() != EINTR) return -1;
        }
    }

    /// <summary><see cref="Reap"/> on a thread of its own.</summary>
    public static Task<int> WaitAsync(int pid) => Task.Factory.StartNew(() => Reap(pid),
        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    static IntPtr[] Terminated(IReadOnlyList<string> values, List<IntPtr> owned)
    {
        var array = new IntPtr[values.Count + 1];
        for (var i = 0; i < values.Count; i++) owned.Add(array[i] = Marshal.StringToCoTaskMemUTF8(values[i]));
        return array;
    }

    static void Check(int rc, string what)
    {
        if (rc != 0) throw new OciException($"{what}: {Marshal.GetPInvokeErrorMessage(rc)}");
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attr, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc", SetLastError = true)] private static partial int waitpid(int pid, out int status, int options);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_init(IntPtr actions);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_destroy(IntPtr actions);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newfd);
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)] private static partial int posix_spawn_file_actions_addchdir_np(IntPtr actions, string path);
    [LibraryImport("libc")] private static partial int posix_spawnattr_init(IntPtr attr);
    [LibraryImport("libc")] private static partial int posix_spawnattr_destroy(IntPtr attr);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setflags(IntPtr attr, short flags);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setsigdefault(IntPtr attr, IntPtr sigset);
    [LibraryImport("libc")] private static partial int posix_spawnattr_setsigmask(IntPtr attr, IntPtr sigset);
    [LibraryImport("libc")] private static partial int sigfillset(IntPtr set);
    [LibraryImport("libc")] private static partial int sigemptyset(IntPtr set);
}

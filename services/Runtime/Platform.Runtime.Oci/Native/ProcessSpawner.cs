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

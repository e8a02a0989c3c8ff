using System.Runtime.InteropServices;

namespace Platform.Runtime.Engine.Native;

/// <summary>
/// Starts a program with exactly the descriptors it is given: every fd .NET opens is O_CLOEXEC, and the child sees
/// only the ones mapped here (dup2 in the child clears the flag on the copy only). Two concurrent spawns therefore never
/// leak each other's pipe ends, which would keep a sync pipe from reaching EOF. Signal dispositions and the mask are
/// reset, so the child does not inherit .NET's ignored SIGPIPE.
/// </summary>
static class ProcessSpawner
{
    public static int Spawn(string path, IReadOnlyList<string> args, IReadOnlyList<string> env, IReadOnlyList<(int Fd, int Target)> fds, string workingDir)
    {
        var actions = Marshal.AllocHGlobal(1024);
        var attr = Marshal.AllocHGlobal(1024);
        var sigset = Marshal.AllocHGlobal(256);
        var strings = new List<IntPtr>();
        try
        {
            Libc.posix_spawn_file_actions_init(actions);
            foreach (var (fd, target) in fds) Check(Libc.posix_spawn_file_actions_adddup2(actions, fd, target), "adddup2");
            Check(Libc.posix_spawn_file_actions_addchdir_np(actions, workingDir), "addchdir");
            Libc.posix_spawnattr_init(attr);
            Check(Libc.posix_spawnattr_setflags(attr, Libc.POSIX_SPAWN_SETSIGDEF | Libc.POSIX_SPAWN_SETSIGMASK), "setflags");
            Libc.sigfillset(sigset);
            Check(Libc.posix_spawnattr_setsigdefault(attr, sigset), "setsigdefault");
            Libc.sigemptyset(sigset);
            Check(Libc.posix_spawnattr_setsigmask(attr, sigset), "setsigmask");
            var rc = Libc.posix_spawn(out var pid, path, actions, attr, Terminated(args, strings), Terminated(env, strings));
            Check(rc, $"spawn {path}");
            return pid;
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attr);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attr);
            Marshal.FreeHGlobal(sigset);
            strings.ForEach(Marshal.FreeHGlobal);
        }
    }

    /// <summary>Reaps a child started by <see cref="Spawn"/>; returns the raw wait status.</summary>
    public static Task<int> WaitAsync(int pid) => Task.Factory.StartNew(() =>
    {
        while (true)
        {
            if (Libc.waitpid(pid, out var status, 0) == pid) return status;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.EINTR) return -1;
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    static IntPtr[] Terminated(IReadOnlyList<string> values, List<IntPtr> owned)
    {
        var array = new IntPtr[values.Count + 1];
        for (var i = 0; i < values.Count; i++) owned.Add(array[i] = Marshal.StringToCoTaskMemUTF8(values[i]));
        return array;
    }

    static void Check(int rc, string what)
    {
        if (rc != 0) throw new EngineException($"{what}: {Libc.Error(rc)}");
    }
}

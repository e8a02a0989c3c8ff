using System.Runtime.InteropServices;
using Platform.Runtime.Engine.Native;

namespace Platform.Runtime.Engine.Runc;

/// <summary>
/// Starts a container runc has created, without a runc process: after `runc create` the container's init waits,
/// its namespaces, mounts, cgroups, capabilities and seccomp already applied, until someone reads one byte from
/// the state directory's exec.fifo; then it execs the container's process. Reading that byte and removing the fifo
/// is all `runc start` does for a created container (runc reports "running" once the fifo is gone), so the
/// isolation is runc's own either way; this saves a process per start.
/// </summary>
static class ExecFifo
{
    const string FileName = "exec.fifo";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task ReleaseAsync(string stateDir, int initPid, CancellationToken ct) =>
        Task.Factory.StartNew(() => Release(Path.Combine(stateDir, FileName), initPid, ct), ct,
            TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    static void Release(string fifo, int initPid, CancellationToken ct)
    {
        var runcExe = ExeOf(initPid);
        var fd = Libc.open(fifo, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == Libc.ENOENT
                ? new EngineException("cannot start a container that has already been started", 409)
                : new EngineException($"start: open {fifo}: {Libc.Error(errno)}");
        }
        try
        {
            var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
            var buffer = new byte[1];
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var poll = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
                var ready = Libc.poll(ref poll, 1, 50);
                if (ready < 0 && Marshal.GetLastPInvokeError() != Libc.EINTR)
                    throw new EngineException($"start: poll {fifo}: {Libc.LastError()}");
                if (ready > 0)
                {
                    var read = Libc.read(fd, buffer, 1);
                    if (read > 0) break;
                    if (read == 0) throw new EngineException("container process is already dead"); // the writer left without a byte
                    if (Marshal.GetLastPInvokeError() is not (Libc.EAGAIN or Libc.EINTR))
                        throw new EngineException($"start: read {fifo}: {Libc.LastError()}");
                }
                else if (!ProcessState.IsAlive(initPid))
                {
                    // It may have written and exited between two polls: one last look.
                    if (Libc.read(fd, buffer, 1) > 0) break;
                    throw new EngineException("container process is already dead");
                }
                if (Environment.TickCount64 > deadline) throw new EngineException("start: the container's init did not become ready");
            }
        }
        finally
        {
            Libc.close(fd);
        }
        File.Delete(fifo);
        AwaitExec(initPid, runcExe);
    }

    /// <summary>
    /// Returns once the init has exec'd the container's process (or is gone), as a `runc start` process lasting past
    /// that moment made sure by accident: a signal sent right after start must reach the container's process, not
    /// runc's init about to be replaced.
    /// </summary>
    static void AwaitExec(int pid, string? runcExe)
    {
        if (runcExe is null) return;
        var deadline = Environment.TickCount64 + 2_000;
        for (var spin = new SpinWait(); Environment.TickCount64 < deadline; spin.SpinOnce(sleep1Threshold: 20))
            if (ExeOf(pid) != runcExe) return;
    }

    static string? ExeOf(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

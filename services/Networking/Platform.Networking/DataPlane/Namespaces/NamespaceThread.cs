using System.Collections.Concurrent;
using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>
/// A dedicated OS thread for the few system calls that must run inside another network namespace. A namespace
/// belongs to a thread, and a thread created by a thread inherits it, so while away this thread only makes raw calls
/// (no allocation, no task completion that could make the thread pool start a worker from here); it returns to
/// the host namespace before reporting. Should it ever fail to return, the process stops: a thread stranded in a
/// sandbox could not even report without risking the thread pool's next worker being born there too.
/// </summary>
internal sealed class NamespaceThread : IDisposable
{
    readonly BlockingCollection<Action> _queue = new();
    readonly int _home;

    /// <summary>Remembers the creating thread's namespace as home: only this class's thread ever leaves it.</summary>
    public NamespaceThread()
    {
        _home = (int)Libc.Check(Libc.Open("/proc/thread-self/ns/net", Libc.ORdOnly | Libc.OCloexec, 0), "open", "/proc/thread-self/ns/net");
        Start();
    }

    /// <summary>A new namespace: an open file of it and a netlink socket bound inside it (both fds are the caller's).</summary>
    public Task<(int Namespace, int Socket)> CreateNamespaceAsync() => Post(static (_, fds) =>
    {
        if (Libc.Unshare(Libc.CloneNewNet) != 0) return "unshare";
        if ((fds[0] = Libc.OpenBytes("/proc/thread-self/ns/net\0"u8, Libc.ORdOnly | Libc.OCloexec, 0)) < 0) return "open";
        return (fds[1] = Libc.Socket(Libc.AfNetlink, Libc.SockRaw | Libc.SockCloexec, Libc.NetlinkRoute)) < 0 ? "socket" : null;
    }, 0);

    /// <summary>A netlink socket bound inside the namespace the open file <paramref name="namespaceFd"/> refers to.</summary>
    public async Task<int> OpenSocketInAsync(int namespaceFd) => (await Post(static (target, fds) =>
    {
        if (Libc.SetNs(target, Libc.CloneNewNet) != 0) return "setns";
        return (fds[1] = Libc.Socket(Libc.AfNetlink, Libc.SockRaw | Libc.SockCloexec, Libc.NetlinkRoute)) < 0 ? "socket" : null;
    }, namespaceFd)).Socket;

    /// <summary>Runs <paramref name="away"/> (which fills fds and names the call that failed, if any), returns home, reports.</summary>
    Task<(int Namespace, int Socket)> Post(Func<int, int[], string?> away, int argument)
    {
        var done = new TaskCompletionSource<(int, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fds = new[] { -1, -1 };
        _queue.Add(() =>
        {
            var failed = away(argument, fds);
            var errno = failed is null ? 0 : Libc.Errno;
            if (Libc.SetNs(_home, Libc.CloneNewNet) != 0)
                Environment.FailFast($"the netns thread cannot return to the host network namespace: {Errno.Describe(Libc.Errno)}");
            if (failed is null) done.SetResult((fds[0], fds[1]));
            else
            {
                foreach (var fd in fds) if (fd >= 0) Libc.Close(fd);
                done.SetException(new SystemCallException(failed, "in a network namespace", errno));
            }
        });
        return done.Task;
    }

    void Start() => new Thread(() =>
    {
        foreach (var item in _queue.GetConsumingEnumerable()) item();
        Libc.Close(_home);
    }) { IsBackground = true, Name = "netns" }.Start();

    /// <summary>Lets the queued work finish; the thread then ends.</summary>
    public void Dispose() => _queue.CompleteAdding();
}

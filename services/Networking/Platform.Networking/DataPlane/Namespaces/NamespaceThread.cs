using System.Collections.Concurrent;
using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>
/// A dedicated OS thread for work that must run inside another network namespace. A namespace belongs to a thread,
/// so a thread-pool thread never switches; this one does, and always returns to the host namespace before its next
/// item. Should it ever fail to return, it stops and a fresh thread takes over the queue.
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

    /// <summary>Runs <paramref name="work"/> inside a brand-new network namespace (which lives on only if pinned).</summary>
    public Task<T> InNewNamespace<T>(Func<T> work) => Post(() => Libc.Check(Libc.Unshare(Libc.CloneNewNet), "unshare", "CLONE_NEWNET"), work);

    /// <summary>Runs <paramref name="work"/> inside the namespace the open file <paramref name="namespaceFd"/> refers to.</summary>
    public Task<T> InNamespace<T>(int namespaceFd, Func<T> work) => Post(() => Libc.Check(Libc.SetNs(namespaceFd, Libc.CloneNewNet), "setns"), work);

    Task<T> Post<T>(Action enter, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            try
            {
                enter();
                done.SetResult(work());
            }
            catch (Exception e) { done.TrySetException(e); }
        });
        return done.Task;
    }

    void Start() => new Thread(Loop) { IsBackground = true, Name = "netns" }.Start();

    void Loop()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
            if (Libc.SetNs(_home, Libc.CloneNewNet) == 0) continue;
            // Stranded in a foreign namespace: retire, and let a pool thread (still at home) start the successor.
            ThreadPool.UnsafeQueueUserWorkItem(_ => Start(), null);
            return;
        }
        Libc.Close(_home);
    }

    public void Dispose() => _queue.CompleteAdding();
}

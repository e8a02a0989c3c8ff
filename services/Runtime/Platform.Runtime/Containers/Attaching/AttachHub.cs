using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Attaching;

/// <summary>
/// Attach requests that arrive before the container starts (docker run attaches, then starts) wait here; the start
/// connects them to the container's stdio after the process is created and before it runs, so no output is lost.
/// Whether an attach waits or connects at once is decided under the same lock the start connects under, and before
/// the attach answers its head: a client may send the start the moment it reads the head.
/// </summary>
public sealed class AttachHub(ContainerEngine engine, ContainerStore store)
{
    readonly Lock _lock = new();
    readonly Dictionary<string, List<Pending>> _pending = new(StringComparer.Ordinal);
    // Containers whose process exists but whose start is not journaled yet: the store does not call them running.
    readonly HashSet<string> _starting = new(StringComparer.Ordinal);

    sealed record Pending(bool Stdin, TaskCompletionSource<AttachSession?> Session);

    /// <summary>
    /// A wait for the container's next start, or null when its process is already there and the caller attaches
    /// directly (<see cref="ContainerEngine.AttachAsync"/>).
    /// </summary>
    public Task<AttachSession?>? WaitUnlessRunning(string id, bool stdin)
    {
        var pending = new Pending(stdin, new TaskCompletionSource<AttachSession?>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (_starting.Contains(id) || store.Current(id) is { IsRunning: true }) return null;
            if (!_pending.TryGetValue(id, out var list)) _pending[id] = list = [];
            list.Add(pending);
        }
        return pending.Session.Task;
    }

    /// <summary>The container's process is created and not yet running: waiting attaches connect now.</summary>
    public async Task ConnectPendingAsync(string id, CancellationToken ct)
    {
        List<Pending>? list;
        lock (_lock)
        {
            _pending.Remove(id, out list);
            _starting.Add(id);
        }
        // Nothing else completes a wait that is still listed: only this and FailPending take it off the list.
        var waits = list ?? [];
        try
        {
            foreach (var pending in waits) pending.Session.SetResult(await engine.AttachAsync(id, pending.Stdin, ct));
        }
        catch
        {
            foreach (var pending in waits) pending.Session.TrySetResult(null); // the start fails: the rest end too
            throw;
        }
    }

    /// <summary>The start is journaled (or failed): from here the store says whether the container runs.</summary>
    public void StartSettled(string id)
    {
        lock (_lock) _starting.Remove(id);
    }

    /// <summary>The start failed or the container is removed: waiting attaches end without a stream.</summary>
    public void FailPending(string id)
    {
        List<Pending>? list;
        lock (_lock)
        {
            _pending.Remove(id, out list);
            _starting.Remove(id);
        }
        foreach (var pending in list ?? []) pending.Session.TrySetResult(null);
    }
}

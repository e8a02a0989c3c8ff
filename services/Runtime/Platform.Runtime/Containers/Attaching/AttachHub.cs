using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Attaching;

/// <summary>
/// Attach requests that arrive before the container starts (docker run attaches, then starts) wait here; the start
/// connects them to the container's stdio after the process is created and before it runs, so no output is lost.
/// </summary>
public sealed class AttachHub(ContainerEngine engine)
{
    readonly Lock _lock = new();
    readonly Dictionary<string, List<Pending>> _pending = new(StringComparer.Ordinal);

    sealed record Pending(bool Stdin, TaskCompletionSource<AttachSession?> Session);

    public Task<AttachSession?> WaitForStartAsync(string id, bool stdin, CancellationToken ct)
    {
        var pending = new Pending(stdin, new TaskCompletionSource<AttachSession?>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (!_pending.TryGetValue(id, out var list)) _pending[id] = list = [];
            list.Add(pending);
        }
        ct.Register(() =>
        {
            lock (_lock) _pending.GetValueOrDefault(id)?.Remove(pending);
            pending.Session.TrySetCanceled(ct);
        });
        return pending.Session.Task;
    }

    public async Task ConnectPendingAsync(string id, CancellationToken ct)
    {
        List<Pending>? list;
        lock (_lock) _pending.Remove(id, out list);
        foreach (var pending in list ?? [])
        {
            if (pending.Session.Task.IsCompleted) continue;
            var session = await engine.AttachAsync(id, pending.Stdin, ct);
            if (!pending.Session.TrySetResult(session)) await session.DisposeAsync();
        }
    }

    /// <summary>The start failed: waiting attaches end without a stream.</summary>
    public void FailPending(string id)
    {
        List<Pending>? list;
        lock (_lock) _pending.Remove(id, out list);
        foreach (var pending in list ?? []) pending.Session.TrySetResult(null);
    }
}

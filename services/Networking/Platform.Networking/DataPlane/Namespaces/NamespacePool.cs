using System.Collections.Concurrent;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>
/// Namespaces made ahead of need, so creating a sandbox is a bind mount rather than a new namespace (the kernel's
/// slow part). Taking one starts a background refill on the namespace thread; an empty pool just makes one.
/// </summary>
internal sealed class NamespacePool(NamespaceThread thread, int size) : IDisposable
{
    readonly ConcurrentQueue<FreshNamespace> _ready = new();
    int _filling;
    volatile bool _disposed;

    public async Task<FreshNamespace> TakeAsync()
    {
        var fresh = _ready.TryDequeue(out var pooled) ? pooled : await FreshNamespace.CreateAsync(thread);
        Refill();
        return fresh;
    }

    void Refill()
    {
        if (size <= 0 || Interlocked.Exchange(ref _filling, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                while (_ready.Count < size && !_disposed) _ready.Enqueue(await FreshNamespace.CreateAsync(thread));
            }
            catch (Exception) { /* the next take makes its namespace itself and reports any error */ }
            finally
            {
                Volatile.Write(ref _filling, 0);
                if (_disposed) Dispose();
            }
        });
    }

    public void Dispose()
    {
        _disposed = true;
        while (_ready.TryDequeue(out var fresh)) fresh.Dispose();
    }
}

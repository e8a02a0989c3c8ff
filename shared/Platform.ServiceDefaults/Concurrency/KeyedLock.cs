namespace Platform.ServiceDefaults.Concurrency;

/// <summary>
/// One async mutex per key (a snapshot, a blob, a network, a container), created on demand and dropped when nobody
/// holds or waits for it: holders of different keys never wait for each other, and a host that has seen many keys
/// keeps none of them.
/// </summary>
public sealed class KeyedLock
{
    readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var gate = Enter(key);
        try { await gate.Semaphore.WaitAsync(ct); }
        catch { Leave(key, gate, held: false); throw; }
        return new Releaser(this, key, gate);
    }

    public IDisposable Acquire(string key)
    {
        var gate = Enter(key);
        gate.Semaphore.Wait();
        return new Releaser(this, key, gate);
    }

    Gate Enter(string key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate)) _gates[key] = gate = new Gate();
            gate.Users++;
            return gate;
        }
    }

    void Leave(string key, Gate gate, bool held)
    {
        if (held) gate.Semaphore.Release();
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.Remove(key);
        }
    }

    sealed class Releaser(KeyedLock owner, string key, Gate gate) : IDisposable
    {
        int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(key, gate, held: true);
        }
    }
}

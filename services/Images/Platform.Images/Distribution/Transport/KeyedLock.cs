namespace Platform.Images.Distribution.Transport;

/// <summary>An async mutex per key (one download or upload per blob at a time in this process).</summary>
internal sealed class KeyedLock<TKey> where TKey : notnull
{
    readonly Dictionary<TKey, (SemaphoreSlim Gate, int Users)> _gates = new();

    public async Task<IDisposable> AcquireAsync(TKey key, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var entry = _gates.GetValueOrDefault(key);
            gate = entry.Gate ?? new SemaphoreSlim(1, 1);
            _gates[key] = (gate, entry.Users + 1);
        }
        try
        {
            await gate.WaitAsync(ct);
        }
        catch
        {
            Leave(key);
            throw;
        }
        return new Releaser(this, key, gate);
    }

    void Leave(TKey key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1) _gates.Remove(key);
            else _gates[key] = (gate, users - 1);
        }
    }

    sealed class Releaser(KeyedLock<TKey> owner, TKey key, SemaphoreSlim gate) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            gate.Release();
            owner.Leave(key);
        }
    }
}

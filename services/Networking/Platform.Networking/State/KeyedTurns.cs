namespace Platform.Networking.State;

/// <summary>
/// One turn at a time per key (a network, a container): writers to different keys never wait for each other. A key's
/// gate exists only while someone holds or waits for it, so a host that has run many containers keeps none of theirs.
/// </summary>
public sealed class KeyedTurns
{
    readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public async Task<Turn> EnterAsync(string key, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var (existing, users) = _gates.TryGetValue(key, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            gate = existing;
            _gates[key] = (gate, users + 1);
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
        return new Turn(this, key, gate);
    }

    void Leave(string key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1) _gates.Remove(key);
            else _gates[key] = (gate, users - 1);
        }
    }

    public readonly struct Turn(KeyedTurns owner, string key, SemaphoreSlim gate) : IDisposable
    {
        public void Dispose()
        {
            gate.Release();
            owner.Leave(key);
        }
    }
}

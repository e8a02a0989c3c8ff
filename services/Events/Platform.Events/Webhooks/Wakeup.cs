namespace Platform.Events.Webhooks;

/// <summary>An auto-reset signal: Set wakes one pending (or the next) WaitAsync; many Sets before a wait count once.</summary>
public sealed class Wakeup
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already set */ }
    }

    /// <returns>true when woken, false when the wait ran out.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) =>
        await _signal.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, ct);
}

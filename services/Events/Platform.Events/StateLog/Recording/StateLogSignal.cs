using Platform.Events.Webhooks;

namespace Platform.Events.StateLog.Recording;

/// <summary>Raised after each new state log entry commits, so webhook delivery plans it at once instead of at its next poll.</summary>
public sealed class StateLogSignal
{
    readonly Wakeup _wakeup = new();

    public void Notify() => _wakeup.Set();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wakeup.WaitAsync(timeout, ct);
}

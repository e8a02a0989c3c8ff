namespace Platform.Events.StateLog.Recording;

/// <summary>
/// Raised after each new state log entry commits, for everyone tailing the log in this process (GET /events, the
/// SSE stream, webhook planning): they wake at once instead of polling. Take <see cref="Next"/> before reading the
/// log, then wait on it, so an entry that lands between the read and the wait is not missed. Another events
/// instance's appends are not signalled here: waits are bounded, and the readers look again when one runs out.
/// </summary>
public sealed class StateLogSignal
{
    TaskCompletionSource _next = NewSignal();

    /// <summary>Completes at the next append.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();

    /// <returns>true when an append came before <paramref name="timeout"/>.</returns>
    public static async Task<bool> WaitAsync(Task next, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (timeout <= TimeSpan.Zero) return next.IsCompleted;
        try
        {
            await next.WaitAsync(timeout, time, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

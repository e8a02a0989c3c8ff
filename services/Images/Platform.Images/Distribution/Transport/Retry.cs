using Platform.Images.Distribution.Errors;

namespace Platform.Images.Distribution.Transport;

/// <summary>
/// Retries transient failures — dropped connections, timeouts, 5xx/429 — with doubling delays
/// (<see cref="DistributionOptions.RetryDelay"/>, up to <see cref="DistributionOptions.MaxAttempts"/> attempts).
/// Authentication, not-found and verification failures are final.
/// </summary>
internal static class Retry
{
    public delegate ValueTask RetryNotice(int attempt, TimeSpan delay, Exception error);

    public static async Task<T> RunAsync<T>(RegistrySession session, Func<int, Task<T>> action, CancellationToken ct,
        bool retryUnreachable = false, RetryNotice? onRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(attempt);
            }
            catch (Exception e) when (attempt < session.Options.MaxAttempts && IsTransient(e, retryUnreachable, ct))
            {
                var delay = session.Options.RetryDelay * Math.Pow(2, attempt - 1);
                if (onRetry is not null) await onRetry(attempt, delay, e);
                await Task.Delay(delay, session.Time, ct);
            }
        }
    }

    public static bool IsTransient(Exception e, bool retryUnreachable, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // an HTTP timeout, not our caller
        RegistryUnreachableException => retryUnreachable,
        RegistryException registry => registry.IsTransient,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };
}

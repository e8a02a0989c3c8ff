using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Concurrency;

/// <summary>
/// Work a service does once after it has started, tried again until it succeeds: after 1 s, doubling to at most a
/// minute between tries, so a database or broker that is still starting (or away) delays the work, not the service.
/// </summary>
public static class StartupRetry
{
    static readonly TimeSpan First = TimeSpan.FromSeconds(1), Longest = TimeSpan.FromMinutes(1);

    /// <param name="what">What failed, for the warning ("Startup sweep of deleted images").</param>
    public static async Task RunAsync(Func<CancellationToken, Task> work, ILogger logger, string what, CancellationToken stoppingToken)
    {
        for (var delay = First; !stoppingToken.IsCancellationRequested; delay = delay * 2 > Longest ? Longest : delay * 2)
        {
            try
            {
                await work(stoppingToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "{What} failed; retrying in {Delay}", what, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}

namespace Platform.Images.Images.Resolving;

/// <summary>
/// Once the service has started: the host's image names go into the resolution cache, so the first docker run of
/// each needs no database (and works while it is away). In the background, retried while the database starts.
/// </summary>
public sealed class WarmResolutionsOnStartup(ResolutionCache cache, ILogger<WarmResolutionsOnStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = delay * 2 > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : delay * 2)
        {
            try
            {
                await cache.WarmAsync(stoppingToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Loading the host's image names failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}

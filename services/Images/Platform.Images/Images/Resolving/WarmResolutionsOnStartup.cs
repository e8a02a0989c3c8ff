using Platform.ServiceDefaults.Concurrency;

namespace Platform.Images.Images.Resolving;

/// <summary>
/// Once the service has started: the host's image names go into the resolution cache, so the first docker run of
/// each needs no database (and works while it is away). In the background, retried while the database starts.
/// </summary>
public sealed class WarmResolutionsOnStartup(ResolutionCache cache, ILogger<WarmResolutionsOnStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        StartupRetry.RunAsync(cache.WarmAsync, logger, "Loading the host's image names", stoppingToken);
}

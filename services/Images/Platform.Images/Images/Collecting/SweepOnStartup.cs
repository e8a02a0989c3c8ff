namespace Platform.Images.Images.Collecting;

/// <summary>
/// Once the service has started: collects every deleted image again, so removals a crash cut short are finished.
/// In the background: a database that is still starting delays the sweep, not the service.
/// </summary>
public sealed class SweepOnStartup(ImageCollector collector, ILogger<SweepOnStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = delay * 2 > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : delay * 2)
        {
            try
            {
                var result = await collector.SweepAsync(stoppingToken);
                logger.LogInformation("Startup sweep freed {Snapshots} snapshots and {Blobs} blobs of deleted images", result.Snapshots, result.Blobs);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Startup sweep of deleted images failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}

using Platform.ServiceDefaults.Concurrency;

namespace Platform.Images.Images.Collecting;

/// <summary>
/// Once the service has started: collects every deleted image again, so removals a crash cut short are finished.
/// In the background: a database that is still starting delays the sweep, not the service.
/// </summary>
public sealed class SweepOnStartup(ImageCollector collector, ILogger<SweepOnStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        StartupRetry.RunAsync(async ct =>
        {
            var result = await collector.SweepAsync(ct);
            logger.LogInformation("Startup sweep freed {Snapshots} snapshots and {Blobs} blobs of deleted images", result.Snapshots, result.Blobs);
        }, logger, "Startup sweep of deleted images", stoppingToken);
}

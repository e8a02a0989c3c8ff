namespace Platform.Runtime.Volumes;

/// <summary>At startup, before requests: replays the journal into the store and puts the volumes directory in step with it.</summary>
public sealed class RestoreVolumes(VolumeStore store, ILogger<RestoreVolumes> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stray = store.Reconcile();
        logger.LogInformation("Volumes restored: {Count} from the journal, {Stray} stray directories deleted", store.List().Count, stray);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

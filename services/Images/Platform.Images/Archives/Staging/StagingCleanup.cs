using Platform.Images.Content;

namespace Platform.Images.Archives.Staging;

/// <summary>At startup: staging directories of operations a crash interrupted are removed (they were never published).</summary>
public sealed class StagingCleanup(ContentStore store, ILogger<StagingCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            StagingArea.CleanAll(store);
        }
        catch (IOException error)
        {
            logger.LogWarning(error, "Could not clean {Directory}", StagingArea.RootOf(store));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

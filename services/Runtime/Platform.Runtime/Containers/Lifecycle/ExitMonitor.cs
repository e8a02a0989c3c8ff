using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Lifecycle;

/// <summary>
/// Feeds the engine's exits (including those that happened while runtime was down) to the lifecycle, and at startup
/// marks containers the journal thinks are running but the OCI runtime no longer knows as exited.
/// </summary>
public sealed class ExitMonitor(ContainerStore store, ContainerEngine engine, ContainerLifecycle lifecycle,
    ContainerVolumes volumes, ContainerRestore restore, TimeProvider time, ILogger<ExitMonitor> logger) : BackgroundService
{
    /// <summary>The exit code recorded for a container whose process vanished without an exit file (host reboot).</summary>
    public const int LostExitCode = 255;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var container in store.All) volumes.Track(container);
            foreach (var container in store.All.Where(c => c.IsRunning))
                if (engine.Inspect(container.Id) is not { Status: ContainerRunState.Running or ContainerRunState.Paused or ContainerRunState.Created })
                {
                    // Its exit file tells how it ended while runtime was away; none at all means the host lost it (reboot).
                    var exit = engine.ReadExit(container.Id);
                    if (exit is null) logger.LogWarning("Container {Id} is gone from the OCI runtime; recording it as exited", container.Id);
                    await lifecycle.OnExitAsync(exit ?? new ContainerExit(container.Id, LostExitCode, false, time.GetUtcNow()), stoppingToken);
                }
        }
        finally
        {
            lifecycle.ResumeRestartPolicies();
            restore.Complete(); // even if one failed: the API must not wait forever
        }
        await foreach (var exit in engine.Exits.WithCancellation(stoppingToken))
        {
            try
            {
                await lifecycle.OnExitAsync(exit, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Recording the exit of container {Id} failed", exit.Id);
            }
        }
    }
}

using System.Collections.Concurrent;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Lifecycle;

public sealed partial class ContainerLifecycle
{
    readonly ConcurrentDictionary<string, TimeSpan> _backoff = new(StringComparer.Ordinal);
    static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Records an exit the engine reported, then applies auto-remove or the restart policy.</summary>
    public async Task OnExitAsync(ContainerExit exit, CancellationToken ct)
    {
        Container exited;
        using (await _turns.AcquireAsync(exit.Id, ct))
        {
            if (store.Current(exit.Id) is not { IsRunning: true }) return;
            phases.Record("exit.seen", time.GetUtcNow() - exit.At);
            using (phases.Measure("exit.journal")) exited = (await store.RecordAsync(new ContainerExited(exit.Id, exit.ExitCode, exit.OomKilled, exit.At), ct))!;
            // Auto-remove in this same turn, unless a client's removal is already under way: the container's files go
            // as soon as its OCI state has, while networking still releases the sandbox.
            var autoRemove = exited.HostConfig.AutoRemove && _removing.TryAdd(exit.Id, 0);
            try
            {
                // Both at once: the OCI state and cgroups go here, the sandbox in networking. stop waits for this too:
                // once it returns, the ports are free.
                await Task.WhenAll(
                    MeasuredAsync("exit.network-release", () => DetachNetworkAsync(exit.Id)), // first: it is soon waiting on networking
                    ReleaseEngineAsync(exit.Id, autoRemove, ct));
                if (autoRemove) await ForgetLockedAsync(exited, removeVolumes: true);
            }
            finally
            {
                if (autoRemove) _removing.TryRemove(exit.Id, out _);
            }
            if (autoRemove) return;
        }
        if (RestartDelay(exited) is { } delay) _ = RestartLaterAsync(exited.Id, exited.ExitCount, delay);
    }

    async Task ReleaseEngineAsync(string id, bool removeFiles, CancellationToken ct)
    {
        using (phases.Measure("exit.oci-delete")) await engine.DeleteAsync(id, ct);
        if (removeFiles)
            using (phases.Measure("remove.files")) await engine.RemoveFilesAsync(id);
        else // as Docker does: an exited container's root filesystem is mounted again by its next start or a file route
            using (phases.Measure("exit.rootfs-unmount")) await engine.UnmountRootfsAsync(id);
    }

    async Task MeasuredAsync(string phase, Func<Task> work)
    {
        using (phases.Measure(phase)) await work();
    }

    /// <summary>
    /// At startup: a container that had exited with a restart still due when runtime went away (its timer died with
    /// the process) gets that restart now; one never started, or stopped by its user, stays as it is.
    /// </summary>
    public void ResumeRestartPolicies()
    {
        foreach (var c in store.All.Where(c => !c.IsRunning && c.ExitCount > 0))
            if (RestartDelay(c) is { } delay) _ = RestartLaterAsync(c.Id, c.ExitCount, delay);
    }

    /// <summary>Docker's restart policies with its backoff: 100 ms doubling to 1 min, reset after 10 s of running.</summary>
    TimeSpan? RestartDelay(Container c)
    {
        var policy = c.HostConfig.RestartPolicy;
        var restart = !c.StoppedByUser && !_removing.ContainsKey(c.Id) && policy.Name switch
        {
            "always" or "unless-stopped" => true,
            "on-failure" => c.ExitCode != 0 && (policy.MaximumRetryCount == 0 || c.RestartCount < policy.MaximumRetryCount),
            _ => false,
        };
        if (!restart) { _backoff.TryRemove(c.Id, out _); return null; }
        var ranLong = c.FinishedAt - c.StartedAt >= TimeSpan.FromSeconds(10);
        var delay = ranLong || !_backoff.TryGetValue(c.Id, out var previous) ? FirstBackoff : TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, MaxBackoff.Ticks));
        _backoff[c.Id] = delay;
        return delay;
    }

    async Task RestartLaterAsync(string id, int exitCount, TimeSpan delay)
    {
        await Task.Delay(delay, time);
        try
        {
            using (await _turns.AcquireAsync(id, CancellationToken.None))
            {
                // Only if nothing happened meanwhile: not started, stopped, removed or exited again by another path.
                if (store.Current(id) is not { IsRunning: false, StoppedByUser: false } c || c.ExitCount != exitCount || _removing.ContainsKey(id)) return;
                await StartLockedAsync(id, restart: true, CancellationToken.None);
            }
        }
        catch (Exception error) when (error is DockerApiException or EngineException)
        {
            logger.LogWarning("Restart of container {Id} failed: {Error}", id, error.Message);
            if (store.Current(id) is { } c && RestartDelay(c with { ExitCount = c.ExitCount }) is { } next)
                _ = RestartLaterAsync(id, c.ExitCount, next);
        }
    }
}

using System.Collections.Concurrent;
using Platform.Runtime.Containers.Attaching;
using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Networking;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.Concurrency;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Lifecycle;

/// <summary>
/// Every state change of a container goes through here, one at a time per container: the side effect (engine) first,
/// then the fact in the journal. Exits come from the engine's exit files and drive restart policies and auto-remove.
/// </summary>
public sealed partial class ContainerLifecycle(
    ContainerStore store, ContainerEngine engine, AttachHub attaches, ContainerVolumes volumes, Exec.ExecStore execs,
    Networking.ContainerNetworking networking, Diagnostics.RunPhases phases, TimeProvider time, ILogger<ContainerLifecycle> logger)
{
    /// <summary>One state change at a time per container id.</summary>
    readonly KeyedLock _turns = new();
    readonly ConcurrentDictionary<string, byte> _removing = new(StringComparer.Ordinal);

    public async Task StartAsync(string reference, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        try
        {
            using (await _turns.AcquireAsync(id, ct)) await StartLockedAsync(id, restart: false, ct);
        }
        catch (DockerApiException error) when (error.StatusCode != StatusCodes.Status304NotModified
            && store.Current(id) is { HostConfig.AutoRemove: true, IsRunning: false })
        {
            // moby removes an auto-remove container whose start failed: docker run --rm waits for "removed".
            await RemoveAsync(id, force: true, removeVolumes: true, CancellationToken.None);
            throw;
        }
    }

    async Task StartLockedAsync(string id, bool restart, CancellationToken ct)
    {
        var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {id}");
        if (c.Status == ContainerStatus.Paused) throw DockerApiException.Conflict("cannot start a paused container, try unpause instead");
        if (c.IsRunning) throw DockerApiException.NotModified();
        if (_removing.ContainsKey(id)) throw DockerApiException.Conflict($"container is marked for removal and cannot be started");
        int pid;
        using var total = phases.Measure("start");
        try
        {
            if (c.Network is not null) await DetachNetworkAsync(id); // left by a crash between exit and teardown
            using (phases.Measure("start.rootfs-mount")) await engine.MountRootfsAsync(id, c.Rootfs, ct);
            // conmon starts now and waits: its start-up runs while the sandbox is made and the bundle written.
            PendingMonitor monitor;
            using (phases.Measure("start.monitor-spawn"))
                monitor = await engine.SpawnMonitorAsync(new MonitorPlan(id, c.Config.Tty, c.Config.OpenStdin, c.Config.StdinOnce), ct);
            using var _ = monitor;
            NetworkAttachment network;
            using (phases.Measure("start.network-sandbox")) network = await networking.AttachAsync(c, ct);
            if (network.State is { } attached) await store.RecordAsync(new ContainerNetworkAttached(id, attached, time.GetUtcNow()), CancellationToken.None);
            using (phases.Measure("start.oci-create")) pid = await engine.CreateAsync(LaunchPlan.For(c, network, m => volumes.SourceFor(m, id)), ct, monitor);
            using (phases.Measure("start.attach-connect")) await attaches.ConnectPendingAsync(id, ct);
            using (phases.Measure("start.oci-start")) await engine.StartAsync(id, ct);
        }
        catch (Exception error)
        {
            attaches.FailPending(id);
            if (error is not IDockerApiError failed) throw;
            await engine.DeleteAsync(id, CancellationToken.None);
            await DetachNetworkAsync(id);
            await store.RecordAsync(new ContainerStartFailed(id, ExitCodeOf(error.Message), error.Message, time.GetUtcNow()), CancellationToken.None);
            if (error is DockerApiException) throw;
            throw new DockerApiException(failed.StatusCode is 400 or 404 ? failed.StatusCode : 500, error.Message);
        }
        try
        {
            using (phases.Measure("start.journal")) await store.RecordAsync(new ContainerStarted(id, pid, restart, time.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            attaches.StartSettled(id);
        }
    }

    /// <summary>Tears the container's sandbox down and journals that it has none (no-op without one).</summary>
    async Task DetachNetworkAsync(string id)
    {
        if (store.Current(id) is not { Network: not null } c || !NetworkModes.UsesSandbox(c.HostConfig.NetworkMode)) return;
        await networking.DetachAsync(id, CancellationToken.None);
        await store.RecordAsync(new ContainerNetworkDetached(id, time.GetUtcNow()), CancellationToken.None);
    }

    /// <summary>moby's exit codes for a process that could not be started: 127 not found, 126 not executable, else 128.</summary>
    static int ExitCodeOf(string message) =>
        message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.Ordinal) ? 127
        : message.Contains("permission denied", StringComparison.Ordinal) ? 126
        : 128;

    /// <summary>Runs work in the container's turn: none of its starts, exit clean-ups or its removal runs meanwhile.</summary>
    public async Task<T> InTurnAsync<T>(string id, Func<Task<T>> work, CancellationToken ct)
    {
        using (await _turns.AcquireAsync(id, ct)) return await work();
    }

    public Task KillAsync(string reference, int signal, CancellationToken ct) => SignalAsync(reference, signal, signal == Signals.Kill, ct);

    /// <summary>
    /// Signals PID 1. A paused container only gets the signal once thawed: with <paramref name="thaw"/> (SIGKILL, and
    /// every signal of stop and rm -f) it is resumed right after, and the journal says so.
    /// </summary>
    async Task SignalAsync(string reference, int signal, bool thaw, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        using (await _turns.AcquireAsync(id, ct))
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            if (!c.IsRunning) throw DockerApiException.Conflict($"Container {id} is not running");
            await store.RecordAsync(new ContainerKilled(id, signal, time.GetUtcNow()), ct);
            try
            {
                await engine.KillAsync(id, signal, ct);
            }
            catch (EngineException) when (engine.Inspect(id) is not { Status: ContainerRunState.Running or ContainerRunState.Paused })
            {
                // It exited on its own between the check and the signal (its exit is on the way): as moby says then.
                throw DockerApiException.Conflict($"Container {id} is not running");
            }
            if (c.Status != ContainerStatus.Paused || !thaw) return;
            try { await engine.ResumeAsync(id, ct); }
            catch (EngineException) when (engine.Inspect(id) is not { Status: ContainerRunState.Paused }) { } // it died meanwhile
            await store.RecordAsync(new ContainerUnpaused(id, time.GetUtcNow()), ct);
        }
    }

    /// <summary>Stop signal, then SIGKILL after the timeout; completes once the exit is recorded.</summary>
    public async Task StopAsync(string reference, int? timeoutSeconds, int? signal, CancellationToken ct)
    {
        var c = store.Get(reference);
        if (!c.IsRunning) throw DockerApiException.NotModified();
        var timeout = timeoutSeconds ?? c.StopTimeoutSeconds;
        await SignalQuietlyAsync(c.Id, signal ?? c.StopSignalNumber, ct);
        if (timeout < 0 ? !await WaitStoppedAsync(c.Id, Timeout.InfiniteTimeSpan, ct) : !await WaitStoppedAsync(c.Id, TimeSpan.FromSeconds(timeout), ct))
        {
            await SignalQuietlyAsync(c.Id, Signals.Kill, ct);
            await WaitStoppedAsync(c.Id, Timeout.InfiniteTimeSpan, ct);
        }
        await WaitNetworkReleasedAsync(c.Id, ct);
        if (store.Current(c.Id) is not null) await store.RecordAsync(new ContainerStopped(c.Id, time.GetUtcNow()), ct);
    }

    async Task SignalQuietlyAsync(string id, int signal, CancellationToken ct)
    {
        try
        {
            await SignalAsync(id, signal, thaw: true, ct);
        }
        catch (DockerApiException error) when (error.StatusCode == StatusCodes.Status409Conflict)
        {
            // it stopped on its own meanwhile
        }
    }

    /// <summary>As moby's stop: done once the stopped container's network is released too (its ports free again).</summary>
    async Task WaitNetworkReleasedAsync(string id, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var changed = store.Changed;
                if (store.Current(id) is not { Network: not null } c || c.IsRunning) return;
                await changed.WaitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // networking is slow or away: the exit handler keeps trying; stop has done its part
        }
    }

    /// <summary>True once the container is not running (or gone); false when the timeout passed first.</summary>
    public async Task<bool> WaitStoppedAsync(string id, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        while (true)
        {
            var changed = store.Changed;
            if (store.Current(id) is not { IsRunning: true }) return true;
            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    public async Task RestartAsync(string reference, int? timeoutSeconds, int? signal, CancellationToken ct)
    {
        var c = store.Get(reference);
        if (c.IsRunning) await StopAsync(c.Id, timeoutSeconds, signal, ct);
        using (await _turns.AcquireAsync(c.Id, ct))
            if (store.Current(c.Id) is { IsRunning: false }) await StartLockedAsync(c.Id, restart: false, ct);
    }
}

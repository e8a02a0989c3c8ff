using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Lifecycle;

public sealed partial class ContainerLifecycle
{
    public async Task RemoveAsync(string reference, bool force, bool removeVolumes, CancellationToken ct)
    {
        var c = store.Get(reference);
        if (!_removing.TryAdd(c.Id, 0)) throw DockerApiException.Conflict($"removal of container {c.Id} is already in progress");
        try
        {
            while (true)
            {
                if (store.Current(c.Id) is { IsRunning: true })
                {
                    if (!force)
                        throw DockerApiException.Conflict(
                            $"cannot remove container \"{c.Name}\": container is running: stop the container before removing or force remove");
                    await SignalQuietlyAsync(c.Id, Signals.Kill, ct);
                    await WaitStoppedAsync(c.Id, Timeout.InfiniteTimeSpan, ct);
                }
                using (await _turns.AcquireAsync(c.Id, ct))
                {
                    // A restart due under its policy may have started it again meanwhile: stop it once more.
                    if (store.Current(c.Id) is { IsRunning: true }) continue;
                    await DestroyLockedAsync(c.Id, removeVolumes);
                    return;
                }
            }
        }
        finally
        {
            _removing.TryRemove(c.Id, out _);
        }
    }

    async Task DestroyLockedAsync(string id, bool removeVolumes)
    {
        if (store.Current(id) is not { } c) return;
        using var total = phases.Measure("remove");
        using (phases.Measure("remove.oci-delete")) await engine.DeleteAsync(id, CancellationToken.None);
        await DetachNetworkAsync(id);
        using (phases.Measure("remove.files")) await engine.RemoveFilesAsync(id);
        await ForgetLockedAsync(c, removeVolumes);
    }

    /// <summary>The end of a removal, once the container's process, sandbox and files are gone.</summary>
    async Task ForgetLockedAsync(Container c, bool removeVolumes)
    {
        using (phases.Measure("remove.volumes")) await volumes.ReleaseAsync(c, removeVolumes, CancellationToken.None);
        using (phases.Measure("remove.journal")) await store.RecordAsync(new ContainerDestroyed(c.Id, time.GetUtcNow()), CancellationToken.None);
        attaches.FailPending(c.Id); // attaches waiting for a start that will never come
        execs.RemoveContainer(c.Id);
    }

    public async Task PauseAsync(string reference, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        using (await _turns.AcquireAsync(id, ct))
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            if (c.Status == ContainerStatus.Paused) throw DockerApiException.Conflict($"Container {id} is already paused");
            if (!c.IsRunning) throw DockerApiException.Conflict($"Container {id} is not running");
            await engine.PauseAsync(id, ct);
            await store.RecordAsync(new ContainerPaused(id, time.GetUtcNow()), ct);
        }
    }

    public async Task UnpauseAsync(string reference, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        using (await _turns.AcquireAsync(id, ct))
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            if (c.Status != ContainerStatus.Paused) throw DockerApiException.Conflict($"Container {id} is not paused");
            await engine.ResumeAsync(id, ct);
            await store.RecordAsync(new ContainerUnpaused(id, time.GetUtcNow()), ct);
        }
    }

    public async Task RenameAsync(string reference, string newName, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newName)) throw DockerApiException.BadRequest("Neither old nor new names may be empty");
        var name = ContainerNames.Normalize(newName);
        var c = store.Get(reference);
        if (c.Name == name) throw DockerApiException.BadRequest("Renaming a container with the same name as its current name");
        if (!store.TryReserveName(name, c.Id, out var holder))
            throw DockerApiException.Conflict(
                $"Conflict. The container name \"{name}\" is already in use by container \"{holder}\". You have to remove (or rename) that container to be able to reuse that name.");
        using (await _turns.AcquireAsync(c.Id, ct))
            await store.RecordAsync(new ContainerRenamed(c.Id, c.Name, name, time.GetUtcNow()), ct);
    }
}

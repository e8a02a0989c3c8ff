using Microsoft.Extensions.Options;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Volumes;
using Platform.Runtime.Volumes.Local;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>The containers' side of volumes: create what a new container mounts, copy image content up, track use.</summary>
public sealed class ContainerVolumes(VolumeStore store, LocalVolumeMounts mounts, IOptions<PlatformHostOptions> options)
{
    public string Root { get; } = Path.Combine(options.Value.Root, "runtime", "volumes");

    /// <summary>Registers the use first (so a concurrent prune cannot take a volume away), then creates and fills.</summary>
    public async Task EnsureAsync(string containerId, VolumeMounts wanted, string rootfs, CancellationToken ct)
    {
        if (wanted.Wanted.Count == 0) return;
        store.Usage.Register(containerId, wanted.Wanted.Select(w => w.Name));
        try
        {
            foreach (var (name, anonymous, target, copyUp) in wanted.Wanted)
            {
                var volume = await store.EnsureAsync(name, null, anonymous, ct);
                if (copyUp && !volume.HasMountOptions)
                    await VolumeStore.CopyUpAsync(Path.Combine(rootfs, target.TrimStart('/')), volume.Mountpoint);
            }
        }
        catch (VolumeError error)
        {
            store.Usage.Unregister(containerId);
            throw new DockerApiException(error.Status, error.Message);
        }
    }

    /// <summary>After a journal replay: which volumes each container uses.</summary>
    public void Track(Container container) =>
        store.Usage.Register(container.Id, container.Mounts.Where(m => m.Type == "volume").Select(m => m.Name));

    /// <summary>The host path to bind for a mount at start: a volume with mount options is mounted on first use.</summary>
    public string SourceFor(MountPoint mount, string containerId) =>
        mount.Type == "volume" && store.Find(mount.Name) is { HasMountOptions: true } volume ? mounts.Mount(volume, containerId) : mount.Source;

    /// <summary>On removal: unmount, stop tracking, and with rm -v remove the container's anonymous volumes.</summary>
    public async Task ReleaseAsync(Container container, bool removeAnonymous, CancellationToken ct)
    {
        var volumes = container.Mounts.Where(m => m.Type == "volume").Select(m => store.Find(m.Name)).OfType<Volume>().ToList();
        foreach (var volume in volumes.Where(v => v.HasMountOptions)) mounts.Unmount(volume, container.Id);
        store.Usage.Unregister(container.Id);
        if (!removeAnonymous) return;
        foreach (var volume in volumes.Where(v => v.Anonymous && !store.Usage.IsInUse(v.Name)))
        {
            try { await store.RemoveAsync(volume.Name, false, ct); }
            catch (VolumeError) { } // taken by another container meanwhile: Docker keeps it too
        }
    }
}

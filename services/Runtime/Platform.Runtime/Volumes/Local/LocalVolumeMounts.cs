namespace Platform.Runtime.Volumes.Local;

/// <summary>
/// Mounts of local volumes that have mount options, reference-counted like Docker's local driver: the first user
/// mounts the filesystem on _data, the last one unmounts it. Volumes without options are plain directories and
/// need nothing. Each user passes its own reference (a container id) to Mount and the same to Unmount.
/// </summary>
public sealed class LocalVolumeMounts(ILogger<LocalVolumeMounts> logger)
{
    readonly Dictionary<string, HashSet<string>> _references = new(StringComparer.Ordinal);

    /// <summary>The host directory to bind into a container, mounted first when the volume's options ask for it.</summary>
    public string Mount(Volume volume, string reference)
    {
        if (!LocalOptions.NeedsMount(volume.Options)) return volume.Mountpoint;
        lock (_references)
        {
            if (!_references.TryGetValue(volume.Name, out var users)) _references[volume.Name] = users = [];
            if (users.Count == 0 && !MountSyscalls.IsMountPoint(volume.Mountpoint))
            {
                var options = volume.Options!;
                var (flags, propagation, data) = MountFlags.Parse(options.GetValueOrDefault("o"));
                try
                {
                    MountSyscalls.Mount(options.GetValueOrDefault("device", ""), volume.Mountpoint, options.GetValueOrDefault("type"), flags, data);
                    if (propagation != 0) MountSyscalls.Mount("", volume.Mountpoint, null, propagation, null);
                }
                catch (IOException ex)
                {
                    throw VolumeError.System("failed to mount local volume: " + ex.Message);
                }
                logger.LogInformation("Mounted volume {Volume} ({Type}) for {Reference}", volume.Name, options.GetValueOrDefault("type"), reference);
            }
            users.Add(reference);
            return volume.Mountpoint;
        }
    }

    /// <summary>Drops one user; the last one out unmounts.</summary>
    public void Unmount(Volume volume, string reference)
    {
        if (!LocalOptions.NeedsMount(volume.Options)) return;
        lock (_references)
        {
            if (!_references.TryGetValue(volume.Name, out var users) || !users.Remove(reference)) return;
            if (users.Count > 0) return;
            _references.Remove(volume.Name);
            MountSyscalls.Unmount(volume.Mountpoint);
        }
    }

    /// <summary>Before the volume's directory goes: whatever is mounted on it is detached, users or not.</summary>
    public void Release(Volume volume)
    {
        lock (_references)
        {
            _references.Remove(volume.Name);
            if (MountSyscalls.IsMountPoint(volume.Mountpoint)) MountSyscalls.Unmount(volume.Mountpoint);
        }
    }
}

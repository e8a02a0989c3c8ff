using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>
/// The container's mounts from Binds ("src:dst[:opts]"), Mounts and Tmpfs, checked as moby checks them: absolute
/// destinations, one mount per destination, bind sources that exist (Binds create a missing source directory).
/// Named and anonymous volumes are resolved by <see cref="VolumeMounts"/>.
/// </summary>
public static class MountPlanner
{
    public static List<MountPoint> Plan(HostConfig host, ContainerConfig config, VolumeMounts volumes)
    {
        var mounts = new List<MountPoint>();
        foreach (var bind in host.Binds ?? []) Add(mounts, FromBind(bind, volumes));
        foreach (var mount in host.Mounts ?? []) Add(mounts, FromMount(mount, volumes));
        foreach (var (target, options) in host.Tmpfs ?? [])
            Add(mounts, new MountPoint("tmpfs", "", "", CheckTarget(target), "", options, true, ""));
        foreach (var target in (config.Volumes ?? []).Keys)
            if (!mounts.Any(m => m.Destination == Clean(target)))
                mounts.Add(volumes.Anonymous(CheckTarget(target)));
        return mounts;
    }

    static MountPoint FromBind(string bind, VolumeMounts volumes)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
            throw DockerApiException.BadRequest($"invalid volume specification: '{bind}'");
        var (source, target, mode) = (parts[0], CheckTarget(parts[1]), parts.Length == 3 ? parts[2] : "");
        var options = mode.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var option in options)
            if (option is not ("ro" or "rw" or "z" or "Z" or "nocopy" or "private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave"))
                throw DockerApiException.BadRequest($"invalid mode: {option}");
        var rw = !options.Contains("ro");
        var propagation = options.FirstOrDefault(o => o.Contains("private") || o.Contains("shared") || o.Contains("slave")) ?? "";
        if (!source.StartsWith('/')) return volumes.Named(source, target, rw, mode, !options.Contains("nocopy"));
        if (!Path.Exists(source)) Directory.CreateDirectory(source);
        return new MountPoint("bind", "", source, target, "", mode, rw, propagation.Length > 0 ? propagation : "rprivate");
    }

    static MountPoint FromMount(Mount mount, VolumeMounts volumes)
    {
        var target = CheckTarget(mount.Target);
        switch (mount.Type)
        {
            case "bind":
                if (!mount.Source.StartsWith('/'))
                    throw DockerApiException.BadRequest($"invalid mount config for type \"bind\": invalid mount path: '{mount.Source}' mount path must be absolute");
                if (!Path.Exists(mount.Source))
                {
                    if (mount.BindOptions?.CreateMountpoint != true)
                        throw DockerApiException.BadRequest($"invalid mount config for type \"bind\": bind source path does not exist: {mount.Source}");
                    Directory.CreateDirectory(mount.Source);
                }
                return new MountPoint("bind", "", mount.Source, target, "", "", !mount.ReadOnly, mount.BindOptions?.Propagation ?? "rprivate");
            case "volume":
                return mount.Source.Length == 0
                    ? volumes.Anonymous(target) with { RW = !mount.ReadOnly }
                    : volumes.Named(mount.Source, target, !mount.ReadOnly, "z", mount.VolumeOptions?.NoCopy != true);
            case "tmpfs":
                if (mount.Source.Length > 0) throw DockerApiException.BadRequest("invalid mount config for type \"tmpfs\": source must not be specified");
                var options = new List<string>();
                if (mount.TmpfsOptions?.SizeBytes > 0) options.Add($"size={mount.TmpfsOptions.SizeBytes}");
                if (mount.TmpfsOptions?.Mode > 0) options.Add($"mode={Convert.ToString(mount.TmpfsOptions.Mode, 8)}");
                if (mount.ReadOnly) options.Add("ro");
                return new MountPoint("tmpfs", "", "", target, "", string.Join(',', options), !mount.ReadOnly, "");
            default:
                throw DockerApiException.BadRequest($"invalid mount config: mount type unknown: \"{mount.Type}\"");
        }
    }

    static void Add(List<MountPoint> mounts, MountPoint mount)
    {
        if (mounts.Any(m => m.Destination == mount.Destination))
            throw DockerApiException.BadRequest($"Duplicate mount point: {mount.Destination}");
        mounts.Add(mount);
    }

    static string CheckTarget(string target)
    {
        if (!target.StartsWith('/')) throw DockerApiException.BadRequest($"invalid mount config: invalid mount path: '{target}' mount path must be absolute");
        if (Clean(target) == "/") throw DockerApiException.BadRequest("invalid specification: destination can't be '/'");
        return Clean(target);
    }

    static string Clean(string path) => path.Length > 1 ? "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries)) : path;
}

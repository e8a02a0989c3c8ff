using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>
/// Collects the volumes a container being created mounts: named ones (created on first use, as Docker does) and
/// anonymous ones (a new 64-hex name each). The create handler ensures them once the plan is accepted.
/// </summary>
public sealed class VolumeMounts(string volumesRoot)
{
    public List<(string Name, bool Anonymous, string Target, bool CopyUp)> Wanted { get; } = [];

    public MountPoint Named(string name, string target, bool rw, string mode, bool copyUp)
    {
        if (!VolumeNameRule(name))
            throw DockerApiException.BadRequest($"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        Wanted.Add((name, false, target, copyUp));
        return new MountPoint("volume", name, DataDir(name), target, "local", mode, rw, "");
    }

    public MountPoint Anonymous(string target)
    {
        var name = ContainerNames.NewId();
        Wanted.Add((name, true, target, true));
        return new MountPoint("volume", name, DataDir(name), target, "local", "", true, "");
    }

    string DataDir(string name) => Path.Combine(volumesRoot, name, "_data");

    static bool VolumeNameRule(string name) =>
        name.Length >= 2 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
}

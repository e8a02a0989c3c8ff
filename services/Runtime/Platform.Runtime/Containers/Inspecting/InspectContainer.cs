using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Inspecting;

/// <summary>Builds Docker's inspect document from a container's journaled state.</summary>
public sealed class InspectContainer(ContainerEngine engine, Exec.ExecStore execs)
{
    public ContainerInspect For(Container c)
    {
        var dir = engine.ContainerDir(c.Id);
        var status = c.Status.ToString().ToLowerInvariant();
        var state = new ContainerStateJson(status, c.IsRunning, c.Status == ContainerStatus.Paused, c.Status == ContainerStatus.Restarting,
            c.OomKilled, c.Status == ContainerStatus.Dead, c.IsRunning ? c.Pid : 0, c.ExitCode, c.Error,
            DockerTimestamps.Json(c.StartedAt), DockerTimestamps.Json(c.FinishedAt));
        var execIds = execs.IdsOf(c.Id);
        return new ContainerInspect(c.Id, DockerTimestamps.Json(c.Created), c.Path, [.. c.Args], state, c.ImageId,
            Path.Combine(dir, "resolv.conf"), Path.Combine(dir, "hostname"), Path.Combine(dir, "hosts"), engine.LogPath(c.Id),
            c.Name, c.RestartCount, "overlay2", "linux", "", "", "", execIds.Count > 0 ? [.. execIds] : null,
            c.HostConfig, new GraphDriverJson(c.Rootfs.Driver == "vfs" ? "vfs" : "overlay2", []),
            c.Mounts.Select(Mount).ToList(), c.Config, NetworkSettings(c));
    }

    public static MountJson Mount(MountPoint m) => new(m.Type, m.Name, m.Source, m.Destination, m.Driver, m.Mode, m.RW, m.Propagation);

    public static NetworkSettingsJson NetworkSettings(Container c) => ContainerNetworkSettings.Of(c);
}

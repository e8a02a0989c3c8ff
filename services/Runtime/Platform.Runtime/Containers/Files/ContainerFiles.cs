using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Files.Resolving;
using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files;

/// <summary>
/// Opens a container's tree for the file routes, in any state: the rootfs (mounted from create, unmounted at exit and
/// mounted here again on demand) plus its volumes, binds and the /etc files the runtime wrote, as moby's container FS
/// view has them. tmpfs mounts live only inside a running container and are not part of the view (moby gives each
/// view a private, empty one).
/// </summary>
public sealed class ContainerFiles(ContainerStore store, ContainerEngine engine, ContainerVolumes volumes, ContainerLifecycle lifecycle)
{
    static readonly string[] EtcFiles = ["hosts", "hostname", "resolv.conf"];

    public async Task<(Container Container, ContainerFileSystem Files)> OpenAsync(string reference, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        // In the container's turn, where its exit's clean-up unmounts the root filesystem and its removal deletes it; the
        // view holds the root open before the turn ends, so an unmount after that cannot take it from under a copy.
        return await lifecycle.InTurnAsync(id, async () =>
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            var rootfs = await engine.MountRootfsAsync(c.Id, c.Rootfs, ct);
            var files = new ContainerFileSystem(rootfs, MountsOf(c), c.HostConfig.ReadonlyRootfs);
            files.HoldRoot();
            return (c, files);
        }, ct);
    }

    IEnumerable<FileMount> MountsOf(Container c)
    {
        var dir = engine.ContainerDir(c.Id);
        foreach (var name in EtcFiles)
        {
            var destination = "/etc/" + name;
            var source = Path.Combine(dir, name);
            if (File.Exists(source) && c.Mounts.All(m => m.Destination != destination)) yield return new FileMount(destination, source, true, true);
        }
        foreach (var m in c.Mounts.Where(m => m.Type is "bind" or "volume"))
        {
            var source = volumes.SourceFor(m, c.Id);
            yield return new FileMount(m.Destination, source, m.RW, File.Exists(source));
        }
    }
}

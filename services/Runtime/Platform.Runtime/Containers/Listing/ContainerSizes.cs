using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Listing;

/// <summary>
/// SizeRw (bytes the container wrote: its upper layer) and SizeRootFs (that plus the image's layers), by walking
/// the trees as docker ps -s and inspect --size do. Costly, so only on request.
/// </summary>
public sealed class ContainerSizes(ContainerEngine engine)
{
    public (long Rw, long RootFs) Of(Container c)
    {
        var dir = engine.ContainerDir(c.Id);
        var rw = c.Rootfs.Driver == "vfs" ? 0 : DiskUsage(Path.Combine(dir, "upper"));
        var image = c.Rootfs.Driver == "vfs"
            ? DiskUsage(Path.Combine(dir, "rootfs"))
            : c.Rootfs.LowerDirs.Sum(DiskUsage);
        return (rw, rw + image);
    }

    public static long DiskUsage(string path)
    {
        if (!Directory.Exists(path)) return 0;
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", options))
            if (!file.Attributes.HasFlag(FileAttributes.ReparsePoint)) total += file.Length;
        return total;
    }
}

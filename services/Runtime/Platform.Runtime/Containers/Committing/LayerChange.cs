namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// One change of a container's root filesystem against its image, named by its path relative to the root ("etc/group"),
/// in the order a layer tar lists it: a directory before what is inside it.
/// </summary>
public abstract record LayerChange(string Name);

/// <summary>The entry at <paramref name="Source"/> is new or changed: it goes in the layer as it is.</summary>
public sealed record ChangedEntry(string Name, string Source, FileStat Stat) : LayerChange(Name);

/// <summary>The image's entry at this path was removed: a ".wh.&lt;name&gt;" marker next to it.</summary>
public sealed record RemovedEntry(string Name) : LayerChange(Name);

/// <summary>The directory hides everything the image had in it: a ".wh..wh..opq" marker inside it.</summary>
public sealed record OpaqueDirectory(string Name, FileStat Stat) : LayerChange(Name);

/// <summary>
/// Paths the engine itself puts in a root filesystem as mount points (runc creates them when missing): they are the
/// container's plumbing, not its changes, so no diff reports them (Docker keeps them in its "-init" layer).
/// </summary>
public static class EnginePaths
{
    static readonly HashSet<string> Excluded =
        ["proc", "sys", "dev", "etc/hosts", "etc/hostname", "etc/resolv.conf", "sbin/docker-init", ".dockerenv"];

    public static bool IsExcluded(string name) => Excluded.Contains(name);

    /// <summary>The names in a directory, sorted as a layer lists them (ordinal).</summary>
    public static IEnumerable<string> Children(string directory) =>
        new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(info => info.Name).Order(StringComparer.Ordinal);
}

namespace Platform.Runtime.Containers.Files.Resolving;

/// <summary>
/// Where a part of the container's tree lives on the host: the rootfs at "/", a volume or bind source at its
/// destination, or one file (the /etc files the runtime writes). Writable is false for ro mounts and a ro rootfs.
/// </summary>
public sealed record FileMount(string Destination, string Source, bool Writable, bool IsFile)
{
    public bool IsRoot => Destination == "/";

    public bool Holds(string path) => IsRoot || path == Destination || path.StartsWith(Destination + "/", StringComparison.Ordinal);

    /// <summary>The path below this mount's root, "" for the root itself.</summary>
    public string RelativeOf(string path) => IsRoot ? path.TrimStart('/') : path[Destination.Length..].TrimStart('/');
}

/// <summary>A container path with every symlink resolved inside the container (the last element only if asked), and its mount.</summary>
public sealed record ResolvedPath(string Path, FileMount Mount)
{
    public string Relative => Mount.RelativeOf(Path);
    public string Name => Path == "/" ? "/" : Path[(Path.LastIndexOf('/') + 1)..];
    public string Parent => Path.LastIndexOf('/') is var slash and > 0 ? Path[..slash] : "/";
}

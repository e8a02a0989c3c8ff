namespace Platform.Images.Snapshots.Store;

/// <summary>The two layouts of a snapshot's <c>fs/</c> tree.</summary>
public static class SnapshotDrivers
{
    /// <summary>Each snapshot holds one layer in overlay whiteout format; a rootfs is an overlay of the chain.</summary>
    public const string Overlay = "overlay";

    /// <summary>Each snapshot holds the full tree (parent copied, layer applied); works on any filesystem.</summary>
    public const string Vfs = "vfs";

    public static string Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        Overlay or "overlay2" or "overlayfs" => Overlay,
        Vfs or "native" => Vfs,
        _ => throw new ArgumentException($"unknown snapshot driver \"{value}\" (expected overlay or vfs)", nameof(value)),
    };
}

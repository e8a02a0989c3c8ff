using Platform.Images.Content;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// How to build a container's root filesystem from an image's layers (services/Images/LAYOUT.md).
/// overlay: mount <see cref="LowerDirs"/> (top-most first, as <c>lowerdir=</c> expects) under the caller's own
/// upperdir and workdir. vfs: <see cref="VfsDir"/> is the whole tree; copy it (or bind-mount it read-only).
/// The directories are read-only for everyone but the images service.
/// </summary>
public sealed record RootfsPlan(string Driver, Digest? ChainId, IReadOnlyList<string> LowerDirs, string? VfsDir, string SnapshotsDir)
{
    /// <summary>The lower dirs relative to <see cref="SnapshotsDir"/> (<c>l/XXXX…</c>), for a mount made from there.</summary>
    public IReadOnlyList<string> RelativeLowerDirs => [.. LowerDirs.Select(dir => Path.GetRelativePath(SnapshotsDir, dir))];

    /// <summary>
    /// The overlay mount data for these layers. With <paramref name="relative"/>, lowerdirs are relative to
    /// <see cref="SnapshotsDir"/> and the mount must be made with that as working directory (many layers: see
    /// <see cref="FitsOnePage"/>). Other options (<c>index=off</c>, <c>userxattr</c>) are the runtime's to add.
    /// </summary>
    public string OverlayMountData(string upperDir, string workDir, bool relative = false)
    {
        if (Driver != SnapshotDrivers.Overlay) throw new InvalidOperationException($"a {Driver} plan has no overlay mount");
        var lowers = string.Join(':', relative ? RelativeLowerDirs : LowerDirs);
        return $"lowerdir={lowers},upperdir={upperDir},workdir={workDir}";
    }

    /// <summary>mount(2) takes at most one page of option data (4096 bytes, less one for the NUL).</summary>
    public static bool FitsOnePage(string mountData) => System.Text.Encoding.UTF8.GetByteCount(mountData) < Environment.SystemPageSize;
}

using Platform.Images.Content;
using Platform.ServiceDefaults.Concurrency;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// Unpacked layers under <c>{root}/images/snapshots/</c>, one directory per ChainID (layout: services/Images/LAYOUT.md).
/// A snapshot directory appears only complete (built under <c>.tmp/</c>, synced, renamed into place) and is never
/// modified afterwards; runtime mounts them read-only. The driver (overlay or vfs) is fixed for the store's lifetime:
/// configured, or else overlay when a probe mount works on this filesystem, else vfs.
/// </summary>
public sealed partial class SnapshotStore
{
    /// <summary>moby's limit: 128 short lowerdirs (<c>l/</c> + 26 characters) fit one page of mount data.</summary>
    public const int MaxOverlayLayers = 128;

    readonly string _links;
    readonly string _tmp;
    readonly KeyedLock _locks = new();
    readonly Dictionary<string, int> _pins = new(StringComparer.Ordinal);

    /// <param name="root">The host root; snapshots live in <c>{root}/images/snapshots</c>.</param>
    /// <param name="driver"><c>overlay</c>, <c>vfs</c>, or null to probe.</param>
    public SnapshotStore(string root, string? driver = null)
    {
        SnapshotsDirectory = Path.Combine(root, "images", "snapshots");
        _links = Path.Combine(SnapshotsDirectory, "l");
        _tmp = Path.Combine(SnapshotsDirectory, ".tmp");
        EmptyDirectory = Path.Combine(SnapshotsDirectory, "empty");
        foreach (var dir in new[] { SnapshotsDirectory, _links, _tmp, EmptyDirectory }) Directory.CreateDirectory(dir);
        CleanLeftovers();
        (Driver, DriverReason) = ChooseDriver(driver is null ? null : SnapshotDrivers.Parse(driver));
    }

    /// <summary><c>{root}/images/snapshots</c>.</summary>
    public string SnapshotsDirectory { get; }

    /// <summary>An always-empty directory: the rootfs of an image without layers.</summary>
    public string EmptyDirectory { get; }

    /// <summary><see cref="SnapshotDrivers.Overlay"/> or <see cref="SnapshotDrivers.Vfs"/>.</summary>
    public string Driver { get; }

    /// <summary>Why <see cref="Driver"/> was chosen (configuration, probe result, existing snapshots).</summary>
    public string DriverReason { get; }

    public static string LinkName(Digest chainId)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = Convert.FromHexString(chainId.Hex.AsSpan(0, 32));
        Span<char> name = stackalloc char[26];
        int bits = 0, value = 0, i = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
            for (bits += 8; bits >= 5 && i < name.Length; bits -= 5) name[i++] = alphabet[(value >> (bits - 5)) & 31];
        }
        if (i < name.Length) name[i] = alphabet[(value << (5 - bits)) & 31];
        return new string(name);
    }

    string SnapshotDir(Digest chainId) => Path.Combine(SnapshotsDirectory, chainId.Hex);

    string FsOf(Digest chainId) => Path.Combine(SnapshotDir(chainId), "fs");

    string LinkPath(Digest chainId) => Path.Combine(_links, LinkName(chainId));

    public bool Exists(Digest chainId) => Directory.Exists(SnapshotDir(chainId));

    public SnapshotInfo? Get(Digest chainId)
    {
        var meta = Path.Combine(SnapshotDir(chainId), "meta");
        if (!Directory.Exists(meta)) return null;
        string Read(string name) => File.ReadAllText(Path.Combine(meta, name)).Trim();
        var parentFile = Path.Combine(meta, "parent");
        return new SnapshotInfo(chainId, Digest.Parse(Read("diffid")),
            File.Exists(parentFile) ? Digest.Parse(Read("parent")) : null,
            long.Parse(Read("size")), Read("driver"), Read("link"), FsOf(chainId));
    }

    /// <summary>Every complete snapshot (for garbage collection: remove children before parents).</summary>
    public IReadOnlyList<SnapshotInfo> List() =>
        [.. Directory.EnumerateDirectories(SnapshotsDirectory)
            .Select(Path.GetFileName)
            .Select(name => Digest.TryParse("sha256:" + name, out var d) ? Get(d) : null)
            .OfType<SnapshotInfo>()];

    /// <summary>The plan for a chain whose snapshots all exist (see <see cref="EnsureAsync"/>).</summary>
    public RootfsPlan Plan(IReadOnlyList<Digest> chain)
    {
        if (chain.Count == 0)
            return Driver == SnapshotDrivers.Overlay
                ? new RootfsPlan(Driver, null, [EmptyDirectory], null, SnapshotsDirectory)
                : new RootfsPlan(Driver, null, [], EmptyDirectory, SnapshotsDirectory);
        foreach (var id in chain)
            if (!Exists(id)) throw new InvalidOperationException($"snapshot {id} does not exist");
        var top = chain[^1];
        return Driver == SnapshotDrivers.Overlay
            ? new RootfsPlan(Driver, top, [.. chain.Reverse().Select(LinkPath)], null, SnapshotsDirectory)
            : new RootfsPlan(Driver, top, [], FsOf(top), SnapshotsDirectory);
    }
}

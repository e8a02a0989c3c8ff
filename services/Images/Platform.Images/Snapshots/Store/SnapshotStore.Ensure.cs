using Platform.Images.Content;
using Platform.Images.Snapshots.Layers;
using Platform.Images.Snapshots.Native;
using Platform.Images.Snapshots.Unpacking;

namespace Platform.Images.Snapshots.Store;

public sealed partial class SnapshotStore
{
    /// <summary>
    /// Makes sure every layer of <paramref name="diffIds"/> (bottom first) is unpacked, unpacking only the missing ones,
    /// each at most once even under concurrent calls (one lock per chain id), and returns how to mount the result.
    /// A layer whose content does not hash to its DiffID is rejected (<see cref="LayerDiffIdMismatchException"/>).
    /// </summary>
    public async Task<RootfsPlan> EnsureAsync(IReadOnlyList<Digest> diffIds,
        Func<Digest, CancellationToken, Task<Stream>> openLayerByDiffId, CancellationToken ct = default)
    {
        if (Driver == SnapshotDrivers.Overlay && diffIds.Count > MaxOverlayLayers)
            throw new InvalidOperationException($"max depth exceeded: {diffIds.Count} layers, overlay allows {MaxOverlayLayers}");
        var chain = ChainIds.Of(diffIds);
        var pinned = new List<Digest>();
        try
        {
            for (var i = 0; i < chain.Count; i++)
            {
                using (await _locks.AcquireAsync(chain[i].Hex, ct))
                {
                    if (Exists(chain[i])) EnsureLink(chain[i]);
                    else await CreateAsync(chain[i], i == 0 ? null : chain[i - 1], diffIds[i], openLayerByDiffId, ct);
                    Pin(chain[i], +1); // held until the whole chain is in place: Remove refuses it meanwhile
                    pinned.Add(chain[i]);
                }
            }
            return Plan(chain);
        }
        finally
        {
            foreach (var id in pinned) Pin(id, -1);
        }
    }

    async Task CreateAsync(Digest chainId, Digest? parent, Digest diffId,
        Func<Digest, CancellationToken, Task<Stream>> open, CancellationToken ct)
    {
        var staging = Path.Combine(_tmp, $"{chainId.Hex}-{Guid.NewGuid():N}");
        var fs = Directory.CreateDirectory(Path.Combine(staging, "fs")).FullName;
        var meta = Directory.CreateDirectory(Path.Combine(staging, "meta")).FullName;
        Libc.Check(Libc.Chmod(fs, 0b111_101_101 /* 0755, whatever the umask; a "./" entry may change it */), "chmod", fs);
        try
        {
            var result = await Task.Run(async () =>
            {
                await using var blob = await open(diffId, ct);
                using var layer = LayerReader.Open(blob, leaveOpen: true);
                if (Driver == SnapshotDrivers.Vfs && parent is { } p) TreeCopier.Copy(FsOf(p), fs);
                var unpacked = LayerUnpacker.Unpack(layer, fs,
                    Driver == SnapshotDrivers.Overlay ? WhiteoutMode.Overlay : WhiteoutMode.Vfs, ct);
                var actual = layer.Complete();
                if (actual != diffId) throw new LayerDiffIdMismatchException(diffId, actual);
                return unpacked;
            }, ct);

            File.WriteAllText(Path.Combine(meta, "diffid"), diffId + "\n");
            if (parent is { } parentId) File.WriteAllText(Path.Combine(meta, "parent"), parentId + "\n");
            File.WriteAllText(Path.Combine(meta, "size"), result.Size + "\n");
            File.WriteAllText(Path.Combine(meta, "driver"), Driver + "\n");
            File.WriteAllText(Path.Combine(meta, "link"), LinkName(chainId) + "\n");
            Libc.SyncFilesystem(staging);
            EnsureLink(chainId); // dangles until the rename below; a crash in between leaves a link startup removes
            Directory.Move(staging, SnapshotDir(chainId));
            Libc.SyncDirectory(SnapshotsDirectory);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    /// <summary><c>l/&lt;link&gt;</c> → <c>../&lt;chain-id-hex&gt;/fs</c>, recreated if missing or wrong.</summary>
    void EnsureLink(Digest chainId)
    {
        var link = LinkPath(chainId);
        var target = $"../{chainId.Hex}/fs";
        if (new FileInfo(link).LinkTarget == target) return;
        if (Libc.LStat(link) is not null) File.Delete(link);
        File.CreateSymbolicLink(link, target);
    }

    void Pin(Digest chainId, int delta)
    {
        lock (_pins)
        {
            var count = _pins.GetValueOrDefault(chainId.Hex) + delta;
            if (count == 0) _pins.Remove(chainId.Hex);
            else _pins[chainId.Hex] = count;
        }
    }

    static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}

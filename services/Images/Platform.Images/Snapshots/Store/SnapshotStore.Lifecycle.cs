using Platform.Images.Content;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Store;

public sealed partial class SnapshotStore
{
    /// <summary>
    /// Deletes a snapshot; false when it does not exist. Refused while a child snapshot is stacked on it or an
    /// <see cref="EnsureAsync"/> is using it. Whether a container still mounts it is the caller's to know (images
    /// keep their chains; GC removes only chains no image references, top-most first).
    /// </summary>
    public bool Remove(Digest chainId)
    {
        using var _ = _locks.Acquire(chainId.Hex);
        if (!Exists(chainId)) return false;
        lock (_pins)
        {
            if (_pins.ContainsKey(chainId.Hex)) throw new SnapshotInUseException(chainId, "a layer is being stacked on it");
        }
        if (List().FirstOrDefault(s => s.Parent == chainId) is { } child)
            throw new SnapshotInUseException(chainId, $"snapshot {child.ChainId} is stacked on it");

        var trash = Path.Combine(_tmp, $"removing-{chainId.Hex}-{Guid.NewGuid():N}");
        Directory.Move(SnapshotDir(chainId), trash); // gone from view in one step
        var link = LinkPath(chainId);
        if (Libc.LStat(link) is not null) File.Delete(link);
        TryDelete(trash);
        return true;
    }

    /// <summary>Startup: unfinished unpacks and removals in <c>.tmp/</c>, links whose snapshot is gone.</summary>
    void CleanLeftovers()
    {
        foreach (var leftover in Directory.EnumerateDirectories(_tmp)) TryDelete(leftover);
        foreach (var link in Directory.EnumerateFileSystemEntries(_links))
            if (!Directory.Exists(link)) File.Delete(link); // Directory.Exists follows the link
    }

    (string Driver, string Reason) ChooseDriver(string? configured)
    {
        var recordFile = Path.Combine(SnapshotsDirectory, "driver");
        var recorded = File.Exists(recordFile) ? File.ReadAllText(recordFile).Trim() : null;
        var populated = recorded is not null && List().Count > 0;
        (string, string) choice;
        if (configured is not null)
        {
            if (populated && recorded != configured)
                throw new InvalidOperationException(
                    $"{SnapshotsDirectory} holds {recorded} snapshots; set Images:SnapshotDriver={recorded} or remove them to use {configured}");
            choice = (configured, "configured (Images:SnapshotDriver)");
        }
        else if (populated && recorded == SnapshotDrivers.Vfs)
        {
            choice = (SnapshotDrivers.Vfs, "existing vfs snapshots");
        }
        else
        {
            var failure = OverlayProbe.Run(_tmp);
            if (failure is null) choice = (SnapshotDrivers.Overlay, "overlay probe mount succeeded");
            else if (populated)
                throw new InvalidOperationException($"{SnapshotsDirectory} holds overlay snapshots but overlay does not work here: {failure}");
            else choice = (SnapshotDrivers.Vfs, $"overlay unavailable: {failure}");
        }
        File.WriteAllText(recordFile, choice.Item1 + "\n");
        return choice;
    }
}

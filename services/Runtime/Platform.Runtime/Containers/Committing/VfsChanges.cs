namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// The changes of a vfs container (a full copy of its image's tree) found by comparing its root with that tree, as
/// moby's naive differ does: new or changed entries (type, mode, owner, link target, xattrs; size and mtime except for
/// directories, whose mtime only says their content changed), removed ones as whiteouts. The unchanged directories
/// above a change are listed too, so the layer keeps their attributes.
/// </summary>
public static class VfsChanges
{
    public static IEnumerable<LayerChange> Of(string rootfs, string imageDir) => Walk(rootfs, imageDir, "", []);

    static IEnumerable<LayerChange> Walk(string directory, string? imageDirectory, string prefix, List<ChangedEntry> parents)
    {
        var names = EnginePaths.Children(directory).ToList();
        var imageNames = imageDirectory is null ? [] : EnginePaths.Children(imageDirectory).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in imageNames.Except(names).Where(n => !EnginePaths.IsExcluded(prefix + n)).Order(StringComparer.Ordinal))
        {
            foreach (var parent in Flush(parents)) yield return parent;
            yield return new RemovedEntry(prefix + removed);
        }
        foreach (var child in names)
        {
            var name = prefix + child;
            if (EnginePaths.IsExcluded(name)) continue;
            var entry = new ChangedEntry(name, Path.Combine(directory, child), FileStat.Of(Path.Combine(directory, child)));
            var imagePath = imageNames.Contains(child) ? Path.Combine(imageDirectory!, child) : null;
            var image = imagePath is null ? null : FileStat.Of(imagePath);
            var changed = image is null || Differs(entry.Stat, entry.Source, image, imagePath!);
            if (changed)
            {
                foreach (var parent in Flush(parents)) yield return parent;
                yield return entry;
            }
            if (entry.Stat.Kind != FileKind.Directory) continue;
            if (!changed) parents.Add(entry);
            foreach (var change in Walk(entry.Source, image?.Kind == FileKind.Directory ? imagePath : null, name + "/", parents))
                yield return change;
            if (!changed && parents.Count > 0 && ReferenceEquals(parents[^1], entry)) parents.RemoveAt(parents.Count - 1);
        }
    }

    static List<ChangedEntry> Flush(List<ChangedEntry> parents)
    {
        var flushed = parents.ToList();
        parents.Clear();
        return flushed;
    }

    static bool Differs(FileStat now, string path, FileStat was, string imagePath) =>
        now.Kind != was.Kind || now.Mode != was.Mode || now.Uid != was.Uid || now.Gid != was.Gid ||
        (now.Kind != FileKind.Directory && (now.MtimeNanos != was.MtimeNanos || now.Size != was.Size)) ||
        now.RdevMajor != was.RdevMajor || now.RdevMinor != was.RdevMinor ||
        (now.Kind == FileKind.Symlink && new FileInfo(path).LinkTarget != new FileInfo(imagePath).LinkTarget) ||
        !SameXattrs(FileXattrs.Read(path), FileXattrs.Read(imagePath));

    static bool SameXattrs(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value.AsSpan().SequenceEqual(pair.Value));
}

namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// The changes of an overlay container: its upper directory holds them, in overlayfs's format — a removed path is a
/// character device 0/0, a directory that hides the image's content carries trusted.overlay.opaque=y. A directory
/// overlayfs only copied up (the image has it with the same mode and owner) is listed only above a change inside it,
/// so a container that changed nothing has an empty diff.
/// </summary>
public static class OverlayChanges
{
    public static IEnumerable<LayerChange> Of(string upperDir, IReadOnlyList<string> lowerDirs) =>
        Walk(upperDir, "", lowerDirs, []);

    static IEnumerable<LayerChange> Walk(string directory, string prefix, IReadOnlyList<string> lowers, List<ChangedEntry> parents)
    {
        foreach (var child in EnginePaths.Children(directory))
        {
            var name = prefix + child;
            if (EnginePaths.IsExcluded(name)) continue;
            var entry = new ChangedEntry(name, Path.Combine(directory, child), FileStat.Of(Path.Combine(directory, child)));
            var opaque = entry.Stat.Kind == FileKind.Directory && FileXattrs.Get(entry.Source, "trusted.overlay.opaque") is [(byte)'y'];
            if (entry.Stat.Kind != FileKind.Directory || opaque || !CopiedUp(entry, lowers))
            {
                foreach (var parent in Flush(parents)) yield return parent;
                yield return entry.Stat.IsWhiteout ? new RemovedEntry(name) : entry;
                if (opaque) yield return new OpaqueDirectory(name, entry.Stat);
            }
            else
            {
                parents.Add(entry);
            }
            if (entry.Stat.Kind != FileKind.Directory) continue;
            foreach (var change in Walk(entry.Source, name + "/", lowers, parents)) yield return change;
            if (parents.Count > 0 && ReferenceEquals(parents[^1], entry)) parents.RemoveAt(parents.Count - 1);
        }
    }

    /// <summary>The image has this directory already, with the same mode and owner: only its content may have changed.</summary>
    static bool CopiedUp(ChangedEntry entry, IReadOnlyList<string> lowers)
    {
        foreach (var lower in lowers)
        {
            var path = Path.Combine(lower, entry.Name);
            if (!Path.Exists(path) && !File.Exists(path)) continue;
            var image = FileStat.Of(path);
            return image.Kind == FileKind.Directory && image.Mode == entry.Stat.Mode && image.Uid == entry.Stat.Uid && image.Gid == entry.Stat.Gid;
        }
        return false;
    }

    static List<ChangedEntry> Flush(List<ChangedEntry> parents)
    {
        var flushed = parents.ToList();
        parents.Clear();
        return flushed;
    }
}

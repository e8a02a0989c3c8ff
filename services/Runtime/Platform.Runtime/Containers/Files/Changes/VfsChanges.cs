using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Changes;

/// <summary>
/// docker diff of a vfs container (a full copy of the image): the copy compared with the image's snapshot as moby's
/// ChangesDirs compares two trees. An entry differs when its type, mode, owner or device differ, or, for a
/// non-directory, its size or modification time; a directory with changes inside is itself a change, listed first.
/// </summary>
static class VfsChanges
{
    public static List<ContainerChange> Of(string rootfs, string image)
    {
        var changes = new ChangeList();
        using var container = OpenTrusted(rootfs, O_PATH | O_DIRECTORY);
        using var snapshot = OpenTrusted(image, O_PATH | O_DIRECTORY);
        Compare(container, snapshot, "/", changes);
        return changes.Changes;
    }

    static void Compare(SafeFileHandle container, SafeFileHandle? image, string path, ChangeList changes)
    {
        var names = new SortedSet<string>(List(container), StringComparer.Ordinal);
        if (image is not null) names.UnionWith(List(image));
        foreach (var name in names)
        {
            var child = path == "/" ? "/" + name : path + "/" + name;
            var ours = EntryStat.Find(container, name);
            var theirs = image is null ? null : EntryStat.Find(image, name);
            if (ours is null)
            {
                if (theirs is not null) changes.Add(child, ContainerChange.Deleted, markParent: false);
                continue;
            }
            var start = changes.Count;
            if (theirs is null)
            {
                if (!MountStubs.Is(child, ours.Value)) changes.Add(child, ContainerChange.Added, markParent: false);
            }
            else if (Differ(ours.Value, theirs.Value)) changes.Add(child, ContainerChange.Modified, markParent: false);
            if (!ours.Value.IsDirectory) continue;
            using var inner = OpenAt(container, name, O_PATH | O_DIRECTORY);
            using var innerImage = theirs is { IsDirectory: true } ? OpenAt(image!, name, O_PATH | O_DIRECTORY) : null;
            Compare(inner, innerImage, child, changes);
            if (changes.Count > start && !changes.Contains(child)) changes.InsertDirectory(start, child);
        }
    }

    static bool Differ(EntryStat a, EntryStat b) =>
        a.Mode != b.Mode || a.Uid != b.Uid || a.Gid != b.Gid || a.RdevMajor != b.RdevMajor || a.RdevMinor != b.RdevMinor
        || (!a.IsDirectory && (a.Size != b.Size || a.ModifyTime != b.ModifyTime));
}

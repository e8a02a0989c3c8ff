using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Changes;

/// <summary>
/// docker diff of an overlay container, from its upper directory as moby's OverlayChanges reads it: a whiteout
/// (char device 0/0) is a deletion, an entry the lower layers lack is an addition, anything else copied up is a
/// modification (a directory only when its mode or owner changed: copy-up alone is not a change). An opaque
/// directory hides every lower entry it does not hold again: those are deletions. Lower layers are read through
/// handles that keep every lookup inside the layer.
/// </summary>
sealed class OverlayChanges : IDisposable
{
    readonly List<SafeFileHandle> _lowers;
    readonly ChangeList _changes = new();

    OverlayChanges(IEnumerable<string> lowers) => _lowers = lowers.Select(l => OpenTrusted(l, O_PATH | O_DIRECTORY)).ToList();

    public static List<ContainerChange> Of(string upper, IReadOnlyList<string> lowers)
    {
        using var changes = new OverlayChanges(lowers);
        using var root = OpenTrusted(upper, O_PATH | O_DIRECTORY);
        changes.Walk(root, "/", inLowers: true, opaque: false);
        return changes._changes.Changes;
    }

    void Walk(SafeFileHandle directory, string path, bool inLowers, bool opaque)
    {
        var names = new SortedSet<string>(List(directory), StringComparer.Ordinal);
        var hidden = opaque ? LowerNames(path).Where(n => !names.Contains(n)).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var name in names.Union(hidden).Order(StringComparer.Ordinal))
        {
            var child = path == "/" ? "/" + name : path + "/" + name;
            if (hidden.Contains(name))
            {
                _changes.Add(child, ContainerChange.Deleted);
                continue;
            }
            using var handle = OpenAt(directory, name, O_PATH);
            var stat = EntryStat.Of(handle);
            var lower = inLowers ? Lower(child) : null;
            if (stat.IsWhiteout)
            {
                if (lower is not null) _changes.Add(child, ContainerChange.Deleted);
                continue;
            }
            if (lower is null)
            {
                if (!MountStubs.Is(child, stat)) _changes.Add(child, ContainerChange.Added);
            }
            else if (!stat.IsDirectory || !lower.Value.IsDirectory || stat.Mode != lower.Value.Mode || stat.Uid != lower.Value.Uid || stat.Gid != lower.Value.Gid)
                _changes.Add(child, ContainerChange.Modified, markParent: false);
            if (stat.IsDirectory) Walk(handle, child, lower is { IsDirectory: true }, lower is { IsDirectory: true } && IsOpaque(handle));
        }
    }

    /// <summary>The entry in the top-most lower layer that has it; null when none has it or a layer whited it out.</summary>
    EntryStat? Lower(string path)
    {
        foreach (var layer in _lowers)
        {
            try
            {
                using var handle = OpenInRoot(layer, path.TrimStart('/'), O_PATH | O_NOFOLLOW);
                var stat = EntryStat.Of(handle);
                return stat.IsWhiteout ? null : stat;
            }
            catch (FileCallException e) when (e.IsNotFound) { }
        }
        return null;
    }

    IEnumerable<string> LowerNames(string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in _lowers)
        {
            try
            {
                using var handle = OpenInRoot(layer, path.TrimStart('/'), O_PATH | O_DIRECTORY);
                names.UnionWith(List(handle));
            }
            catch (FileCallException e) when (e.IsNotFound) { }
        }
        return names.Where(n => Lower(path == "/" ? "/" + n : path + "/" + n) is not null);
    }

    static bool IsOpaque(SafeFileHandle directory)
    {
        var value = new byte[1];
        foreach (var name in new[] { "trusted.overlay.opaque", "user.overlay.opaque" })
            if (getxattr($"/proc/self/fd/{Fd(directory)}", name, value, 1) == 1 && value[0] == (byte)'y') return true;
        return false;
    }

    public void Dispose()
    {
        foreach (var lower in _lowers) lower.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    static extern nint getxattr([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, byte[] value, nint size);
}

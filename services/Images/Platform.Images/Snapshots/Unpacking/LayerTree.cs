using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Unpacking;

/// <summary>
/// The directory a layer is applied to, seen as a root that nothing may leave (the role securejoin / chroot play in
/// moby). Parent components are resolved one at a time with lstat: a real directory is entered, a missing one is
/// created, a symlink is followed only when its target is relative and stays inside the root, and anything else is
/// refused. The last component of an entry is never resolved, so a symlink is never written through.
/// </summary>
internal sealed class LayerTree(string root)
{
    const int MaxSymlinkHops = 40;
    readonly HashSet<string> _knownDirectories = new(StringComparer.Ordinal) { "" };

    public string Root { get; } = root.TrimEnd('/');

    public string HostPath(string relative) => relative.Length == 0 ? Root : Root + "/" + relative;

    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>
    /// The symlink-free relative path of the directory named by <paramref name="components"/>. Missing directories are
    /// created (mode 0755, root-owned, as moby's implied directories) when <paramref name="create"/>; otherwise null.
    /// </summary>
    public string? ResolveDirectory(ReadOnlySpan<string> components, string entry, bool create)
    {
        var pending = new Stack<string>();
        for (var i = components.Length - 1; i >= 0; i--) pending.Push(components[i]);
        var resolved = new List<string>();
        string? via = null;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (resolved.Count == 0)
                    throw new UnsafeLayerException(entry, $"symlink \"{via}\" points outside the layer root");
                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            resolved.Add(part);
            var relative = LayerPath.Join(resolved);
            if (_knownDirectories.Contains(relative)) continue;
            var host = HostPath(relative);
            var st = Libc.LStat(host);
            if (st is null)
            {
                if (!create) return null;
                Libc.Check(Libc.Mkdir(host, 0b111_101_101 /* 0755 */), "mkdir", host);
                Libc.Check(Libc.Chmod(host, 0b111_101_101 /* 0755 */), "chmod", host);
                _knownDirectories.Add(relative);
            }
            else if (st.Value.IsDirectory)
            {
                _knownDirectories.Add(relative);
            }
            else if (st.Value.IsSymlink)
            {
                if (++hops > MaxSymlinkHops) throw new UnsafeLayerException(entry, "too many levels of symbolic links");
                var target = new FileInfo(host).LinkTarget;
                if (string.IsNullOrEmpty(target))
                    throw new LayerFormatException($"cannot apply \"{entry}\": \"{relative}\" is an empty symlink");
                if (target[0] == '/')
                    throw new UnsafeLayerException(entry, $"parent \"{relative}\" is a symlink to \"{target}\", outside the layer root");
                via = relative;
                resolved.RemoveAt(resolved.Count - 1);
                var targetParts = target.Split('/');
                for (var i = targetParts.Length - 1; i >= 0; i--) pending.Push(targetParts[i]);
            }
            else
            {
                throw new LayerFormatException($"cannot apply \"{entry}\": \"{relative}\" is not a directory");
            }
        }
        return LayerPath.Join(resolved);
    }

    /// <summary>Removes whatever is at <paramref name="relative"/> without following symlinks.</summary>
    public void Remove(string relative, StatxBuffer existing)
    {
        var host = HostPath(relative);
        if (existing.IsDirectory)
        {
            Directory.Delete(host, recursive: true);
            _knownDirectories.Clear();
            _knownDirectories.Add("");
        }
        else
        {
            File.Delete(host);
        }
    }
}

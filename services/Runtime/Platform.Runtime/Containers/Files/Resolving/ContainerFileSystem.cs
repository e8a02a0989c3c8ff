using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Resolving;

/// <summary>
/// A container's tree as docker cp sees it: the rootfs with the container's volumes, binds and /etc files over it.
/// Paths resolve component by component the way the kernel would inside the container (symlinks relative to the
/// container's root, ".." stopping there, crossing into mounts), and every open goes through openat2 RESOLVE_IN_ROOT
/// on the owning mount's root, so a symlink swapped in meanwhile still cannot lead outside it.
/// </summary>
public sealed class ContainerFileSystem : IDisposable
{
    const int MaxSymlinks = 255; // moby's FollowSymlinkInScope limit
    readonly List<FileMount> _mounts = []; // deepest destination first; the rootfs last
    readonly Dictionary<FileMount, SafeFileHandle> _roots = [];

    public ContainerFileSystem(string rootfs, IEnumerable<FileMount> mounts, bool readonlyRootfs)
    {
        _mounts.Add(new FileMount("/", rootfs, !readonlyRootfs, false));
        foreach (var mount in mounts.OrderBy(m => m.Destination.Count(c => c == '/')))
        {
            if (!Path.Exists(mount.Source)) continue;
            // A destination reached through a symlink in the image is mounted where the link leads, as runc does.
            var destination = Resolve(mount.Destination, followLast: true).Path;
            _mounts.RemoveAll(m => m.Destination == destination);
            _mounts.Add(mount with { Destination = destination });
            _mounts.Sort((a, b) => b.Destination.Length.CompareTo(a.Destination.Length));
        }
    }

    public IReadOnlyList<FileMount> Mounts => _mounts;

    public FileMount MountOf(string path) => _mounts.First(m => m.Holds(path));

    public ResolvedPath Locate(string cleanPath) => new(cleanPath, MountOf(cleanPath));

    /// <summary>Resolves every symlink on the way; the last element too when <paramref name="followLast"/>.</summary>
    public ResolvedPath Resolve(string path, bool followLast)
    {
        var pending = new Stack<string>(path.Split('/').Reverse());
        var parts = new List<string>();
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
            if (!followLast && pending.All(p => p is "" or ".")) break;
            var current = Locate("/" + string.Join('/', parts));
            if (Stat(current) is not { IsSymlink: true }) continue;
            if (++hops > MaxSymlinks) throw new FileCallException(ELOOP, "resolve", path);
            var target = ReadLink(current);
            parts.RemoveAt(parts.Count - 1);
            if (target.StartsWith('/')) parts.Clear();
            foreach (var element in target.Split('/').Reverse()) pending.Push(element);
        }
        return Locate("/" + string.Join('/', parts));
    }

    /// <summary>lstat of a resolved path; null when it does not exist.</summary>
    public EntryStat? Stat(ResolvedPath path)
    {
        try
        {
            using var handle = Open(path, O_PATH | O_NOFOLLOW);
            return EntryStat.Of(handle);
        }
        catch (FileCallException e) when (e.IsNotFound) { return null; }
    }

    public string ReadLink(ResolvedPath path)
    {
        using var handle = Open(path, O_PATH | O_NOFOLLOW);
        return FileCalls.ReadLink(handle, "");
    }

    /// <summary>Opens a resolved path inside its mount (O_NOFOLLOW applies to the last element only when given).</summary>
    public SafeFileHandle Open(ResolvedPath path, int flags)
    {
        if (!path.Mount.IsFile) return OpenInRoot(RootOf(path.Mount), path.Relative, flags);
        if (path.Relative.Length > 0) throw new FileCallException(ENOTDIR, "open", path.Path);
        return OpenTrusted(path.Mount.Source, flags & ~O_NOFOLLOW);
    }

    /// <summary>
    /// Opens the root filesystem's directory now: an unmount after this (MNT_DETACH) leaves the mount to this view.
    /// </summary>
    public void HoldRoot() => RootOf(MountOf("/"));

    SafeFileHandle RootOf(FileMount mount)
    {
        lock (_roots)
        {
            if (!_roots.TryGetValue(mount, out var root)) _roots[mount] = root = OpenTrusted(mount.Source, O_PATH | O_DIRECTORY);
            return root;
        }
    }

    public void Dispose()
    {
        lock (_roots)
        {
            foreach (var root in _roots.Values) root.Dispose();
            _roots.Clear();
        }
    }
}

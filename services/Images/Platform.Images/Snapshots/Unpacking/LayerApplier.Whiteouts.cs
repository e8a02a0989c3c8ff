using System.Formats.Tar;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Unpacking;

internal sealed partial class LayerApplier
{
    /// <summary>
    /// <c>.wh.name</c> hides <c>name</c> of the layers below, <c>.wh..wh..opq</c> hides everything below in its directory.
    /// Whiteouts never touch what this layer itself wrote (OCI: they apply to lower layers only).
    /// </summary>
    void Whiteout(TarEntry entry, ReadOnlySpan<string> directoryParts, string marker)
    {
        if (marker == OpaqueMarker)
        {
            Opaque(entry, directoryParts);
            return;
        }
        var hidden = marker[WhiteoutPrefix.Length..];
        if (hidden is "" or "." or ".." || hidden.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            throw new LayerFormatException($"invalid whiteout entry \"{entry.Name}\"");

        var directory = tree.ResolveDirectory(directoryParts, entry.Name, create: mode == WhiteoutMode.Overlay);
        if (directory is null) return; // vfs: nothing below to delete
        var relative = LayerTree.Combine(directory, hidden);
        var host = tree.HostPath(relative);
        var existing = Libc.LStat(host);
        if (mode == WhiteoutMode.Overlay)
        {
            if (existing is not null) return; // this layer's own entry already hides the lower one
            Libc.Check(Libc.Mknod(host, Libc.SIfChr, 0), "mknod", host);
            Libc.Check(Libc.LChown(host, (uint)entry.Uid, (uint)entry.Gid), "lchown", host);
            return;
        }
        if (existing is { } st && !_written.Contains(relative)) tree.Remove(relative, st);
    }

    void Opaque(TarEntry entry, ReadOnlySpan<string> directoryParts)
    {
        var directory = tree.ResolveDirectory(directoryParts, entry.Name, create: true)!;
        var host = tree.HostPath(directory);
        if (mode == WhiteoutMode.Overlay)
        {
            if (!Xattrs.Set(host, Xattrs.OverlayOpaque, "y"u8))
                throw new IOException($"cannot mark {host} opaque: the filesystem does not support trusted.* xattrs");
        }
        else
        {
            RemoveLowerChildren(directory);
        }
        MarkWritten(directory);
    }

    /// <summary>vfs opaque: keeps what this layer wrote under the directory (at any depth), deletes the rest.</summary>
    void RemoveLowerChildren(string directory)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(tree.HostPath(directory)))
        {
            var relative = LayerTree.Combine(directory, Path.GetFileName(child));
            if (Libc.LStat(child) is not { } st) continue;
            if (!_written.Contains(relative) && !_writtenBelow.Contains(relative)) tree.Remove(relative, st);
            else if (st.IsDirectory) RemoveLowerChildren(relative);
        }
    }
}

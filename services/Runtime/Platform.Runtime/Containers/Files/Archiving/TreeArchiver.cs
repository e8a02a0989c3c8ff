using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using Platform.Runtime.Containers.Files.Resolving;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Archiving;

/// <summary>
/// Writes a part of a container's tree as a tar stream, the way moby's tarballer does: directories before their
/// content, names in lexical order, a hard link once as a file and then as links to it, sockets skipped. Every
/// entry is reached from its parent's open handle without following symlinks; with <c>crossMounts</c> a directory
/// that is a mount destination is read from the mount.
/// </summary>
sealed class TreeArchiver(ContainerFileSystem files, TarWriter tar, bool crossMounts)
{
    readonly Dictionary<(ulong Device, ulong Inode), string> _seen = [];

    /// <summary>The entry at <paramref name="path"/> named <paramref name="name"/> ("." or a base name), and all below it.</summary>
    public async Task WriteAsync(ResolvedPath path, string name, CancellationToken ct)
    {
        using var handle = files.Open(path, O_PATH | O_NOFOLLOW);
        await WriteEntryAsync(handle, path.Path, name, ct);
    }

    /// <summary>Only what is inside the directory at <paramref name="path"/>, named relative to it (docker export).</summary>
    public async Task WriteContentAsync(ResolvedPath path, CancellationToken ct)
    {
        using var handle = files.Open(path, O_PATH | O_DIRECTORY);
        await WriteChildrenAsync(handle, path.Path, "", ct);
    }

    async Task WriteEntryAsync(SafeFileHandle handle, string containerPath, string name, CancellationToken ct)
    {
        var stat = EntryStat.Of(handle);
        if (stat.Type == EntryStat.Socket) return;
        var entry = TarEntries.Header(stat, stat.IsDirectory ? name + "/" : name);
        switch (stat.Type)
        {
            case EntryStat.Directory:
                await tar.WriteEntryAsync(entry, ct);
                await WriteChildrenAsync(handle, containerPath, name, ct);
                return;
            case EntryStat.Symlink:
                entry.LinkName = FileCalls.ReadLink(handle, "");
                break;
            case EntryStat.Regular when stat.Links > 1 && _seen.TryGetValue((stat.Device, stat.Inode), out var first):
                entry = TarEntries.Link(stat, name, first);
                break;
            case EntryStat.Regular:
                if (stat.Links > 1) _seen[(stat.Device, stat.Inode)] = name;
                using (var content = OpenTrusted($"/proc/self/fd/{Fd(handle)}", O_RDONLY))
                await using (var stream = new FileStream(content, FileAccess.Read, 0))
                {
                    entry.DataStream = stream;
                    await tar.WriteEntryAsync(entry, ct);
                }
                return;
        }
        await tar.WriteEntryAsync(entry, ct);
    }

    async Task WriteChildrenAsync(SafeFileHandle directory, string containerPath, string prefix, CancellationToken ct)
    {
        foreach (var child in List(directory))
        {
            var childPath = ContainerPaths.Join(containerPath, child);
            var mount = crossMounts ? files.Mounts.FirstOrDefault(m => m.Destination == childPath) : null;
            SafeFileHandle handle;
            try
            {
                handle = mount is not null ? files.Open(files.Locate(childPath), O_PATH) : OpenAt(directory, child, O_PATH);
            }
            catch (FileCallException e) when (e.IsNotFound) { continue; } // gone since the listing
            using (handle) await WriteEntryAsync(handle, childPath, prefix.Length == 0 ? child : prefix + "/" + child, ct);
        }
    }
}

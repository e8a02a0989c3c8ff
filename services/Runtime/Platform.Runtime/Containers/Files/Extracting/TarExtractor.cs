using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using Platform.Runtime.Containers.Files.Resolving;
using Platform.ServiceDefaults.DockerApi;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Extracting;

/// <summary>
/// Unpacks a tar stream into a directory of a container, entry by entry as it arrives (nothing buffered), with
/// moby's Unpack rules: missing parents made, an existing entry replaced unless both are directories, owners, modes
/// and times from the archive, directory times last. Each entry's parent is resolved inside the container and the
/// entry is made relative to that open directory without following a symlink at its own name: a link the archive
/// or the container holds can lead elsewhere in the container, never out of it.
/// </summary>
sealed class TarExtractor(ContainerFileSystem files, string destination, bool noOverwriteDirNonDir, (uint Uid, uint Gid)? owner)
{
    readonly List<(string Path, DateTimeOffset Time)> _directories = [];

    public async Task ExtractAsync(Stream archive, CancellationToken ct)
    {
        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
            var name = EntryNames.Inside(entry.Name, destination);
            if (name.Length == 0) continue; // the extraction directory itself: moby leaves it as it is
            await ExtractEntryAsync(entry, name, ct);
        }
        foreach (var (path, time) in Enumerable.Reverse(_directories))
        {
            try
            {
                var target = files.Resolve(path, followLast: false);
                using var parent = files.Open(files.Resolve(target.Parent, followLast: true), O_PATH | O_DIRECTORY);
                SetTimes(parent, target.Name, time, time);
            }
            catch (FileCallException e) when (e.IsNotFound) { } // replaced by a later entry
        }
    }

    async Task ExtractEntryAsync(TarEntry entry, string name, CancellationToken ct)
    {
        var path = ContainerPaths.Join(destination, name);
        var parentPath = EnsureDirectory(ContainerPaths.Clean(path[..path.LastIndexOf('/')] is { Length: > 0 } p ? p : "/"));
        var baseName = path[(path.LastIndexOf('/') + 1)..];
        var target = files.Locate(ContainerPaths.Join(parentPath.Path, baseName));
        CheckWritable(target.Mount);
        using var parent = files.Open(parentPath, O_PATH | O_DIRECTORY);
        var isDirectory = entry.EntryType == TarEntryType.Directory;
        if (target.Relative.Length == 0)
        {
            if (!isDirectory) throw DockerApiException.BadRequest($"cannot overwrite mount point {target.Path} with a non-directory");
            return; // a volume's own root: its owner and mode stay the volume's
        }
        if (EntryStat.Find(parent, baseName) is { } existing)
        {
            if (noOverwriteDirNonDir && existing.IsDirectory && !isDirectory)
                throw DockerApiException.BadRequest($"cannot overwrite directory \"{target.Path}\" with non-directory \"{destination}\"");
            if (noOverwriteDirNonDir && !existing.IsDirectory && isDirectory)
                throw DockerApiException.BadRequest($"cannot overwrite non-directory \"{target.Path}\" with directory \"{destination}\"");
            if (!(existing.IsDirectory && isDirectory)) TreeRemover.Remove(parent, baseName, existing);
        }
        await CreateAsync(entry, name, parent, baseName, ct);
        var (uid, gid) = owner ?? ((uint)entry.Uid, (uint)entry.Gid);
        Chown(parent, baseName, uid, gid);
        if (entry.EntryType != TarEntryType.SymbolicLink)
        {
            using var created = OpenAt(parent, baseName, O_PATH);
            Chmod(created, (uint)entry.Mode);
        }
        if (isDirectory) _directories.Add((target.Path, entry.ModificationTime));
        else SetTimes(parent, baseName, entry.ModificationTime, entry.ModificationTime);
    }

    async Task CreateAsync(TarEntry entry, string name, SafeFileHandle parent, string baseName, CancellationToken ct)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (EntryStat.Find(parent, baseName) is null) MakeDirectory(parent, baseName, (uint)entry.Mode & 0x1FF);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                using (var handle = OpenAt(parent, baseName, O_WRONLY | O_CREAT | O_EXCL, 0x180))
                await using (var file = new FileStream(handle, FileAccess.Write, 0))
                    if (entry.DataStream is { } data) await data.CopyToAsync(file, ct);
                break;
            case TarEntryType.SymbolicLink:
                EntryNames.CheckSymlink(name, entry.LinkName, destination);
                Symlink(entry.LinkName, parent, baseName);
                break;
            case TarEntryType.HardLink:
                var linked = files.Resolve(ContainerPaths.Join(destination, EntryNames.HardLinkTarget(name, entry.LinkName, destination)), followLast: false);
                using (var linkedParent = files.Open(files.Resolve(linked.Parent, followLast: true), O_PATH | O_DIRECTORY))
                    HardLink(linkedParent, linked.Name, parent, baseName);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                var type = entry.EntryType switch { TarEntryType.CharacterDevice => EntryStat.CharDevice, TarEntryType.BlockDevice => EntryStat.BlockDevice, _ => EntryStat.Fifo };
                MakeNode(parent, baseName, type | ((uint)entry.Mode & 0x1FF), entry is PosixTarEntry posix ? Device((uint)posix.DeviceMajor, (uint)posix.DeviceMinor) : 0);
                break;
            default:
                throw DockerApiException.BadRequest($"unhandled tar header type {(int)entry.EntryType}");
        }
    }

    /// <summary>The directory at a container path, made (root-owned, 0755) with its missing parents when absent.</summary>
    ResolvedPath EnsureDirectory(string path)
    {
        var resolved = files.Resolve(path, followLast: true);
        switch (files.Stat(resolved))
        {
            case { IsDirectory: true }: return resolved;
            case not null: throw new FileCallException(ENOTDIR, "mkdir", resolved.Path);
        }
        var parent = EnsureDirectory(resolved.Parent);
        CheckWritable(resolved.Mount);
        using (var handle = files.Open(parent, O_PATH | O_DIRECTORY)) MakeDirectory(handle, resolved.Name, 0x1ED);
        return files.Locate(ContainerPaths.Join(parent.Path, resolved.Name));
    }

    static void CheckWritable(FileMount mount)
    {
        if (mount.Writable) return;
        throw DockerApiException.BadRequest(mount.IsRoot ? "container rootfs is marked read-only" : "mounted volume is marked read-only");
    }

    static ulong Device(uint major, uint minor) =>
        ((ulong)(major & 0xFFFFF000) << 32) | ((ulong)(major & 0xFFF) << 8) | ((ulong)(minor & 0xFFFFFF00) << 12) | (minor & 0xFF);
}

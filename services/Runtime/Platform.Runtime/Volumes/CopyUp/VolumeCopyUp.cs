namespace Platform.Runtime.Volumes.CopyUp;

/// <summary>
/// Copies an image directory into an empty volume the way Docker populates a volume on first mount: the tree with
/// owners, modes (setuid/setgid/sticky included), symlinks as links, hard links as links, device nodes and fifos,
/// extended attributes and modification times; then the source directory's own owner, mode and times onto the
/// volume root. Sockets are skipped (they mean nothing without their process).
/// </summary>
public static class VolumeCopyUp
{
    /// <summary>True when something was copied; false when the volume was not empty or there was no source.</summary>
    public static bool Copy(string source, string target)
    {
        if (!Directory.Exists(source) || File.GetAttributes(source).HasFlag(FileAttributes.ReparsePoint)) return false;
        if (Directory.EnumerateFileSystemEntries(target).Any()) return false;
        var links = new Dictionary<(ulong Device, ulong Inode), string>();
        CopyChildren(source, target, links);
        CopyMetadata(source, target, FileStatus.Of(source));
        return true;
    }

    static void CopyChildren(string sourceDir, string targetDir, Dictionary<(ulong, ulong), string> links)
    {
        foreach (var source in Directory.EnumerateFileSystemEntries(sourceDir))
        {
            var target = Path.Combine(targetDir, Path.GetFileName(source));
            var status = FileStatus.Of(source);
            if (status.Type != FileStatus.Directory && status.Links > 1)
            {
                if (links.TryGetValue((status.Device, status.Inode), out var first)) { FileSyscalls.HardLink(first, target); continue; }
                links[(status.Device, status.Inode)] = target;
            }
            switch (status.Type)
            {
                case FileStatus.Directory:
                    Directory.CreateDirectory(target);
                    CopyChildren(source, target, links);
                    break;
                case FileStatus.Regular:
                    File.Copy(source, target);
                    break;
                case FileStatus.Symlink:
                    File.CreateSymbolicLink(target, new FileInfo(source).LinkTarget!);
                    break;
                case FileStatus.CharDevice or FileStatus.BlockDevice or FileStatus.Fifo:
                    FileSyscalls.MakeNode(target, status.Mode, status.RdevMajor, status.RdevMinor);
                    break;
                default:
                    continue;
            }
            CopyMetadata(source, target, status);
        }
    }

    /// <summary>Owner before mode (chown clears setuid/setgid); no chmod on a symlink (it has no mode of its own).</summary>
    static void CopyMetadata(string source, string target, FileStatus status)
    {
        FileSyscalls.ChangeOwner(target, status.Uid, status.Gid);
        if (status.Type != FileStatus.Symlink) FileSyscalls.ChangeMode(target, status.Permissions);
        FileSyscalls.CopyExtendedAttributes(source, target);
        FileSyscalls.SetTimes(target, status);
    }
}

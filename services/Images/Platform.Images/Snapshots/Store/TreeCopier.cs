using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// vfs: copies a snapshot tree exactly (moby's graphdriver/copy): owners, modes with setuid bits, xattrs, times,
/// symlinks as links, device nodes, fifos, and hard links kept as hard links. File data goes through File.Copy,
/// which lets the kernel clone or copy in place (FICLONE / copy_file_range) where the filesystem can.
/// </summary>
internal static class TreeCopier
{
    public static void Copy(string source, string destination)
    {
        var linked = new Dictionary<(ulong, ulong), string>();
        var directories = new List<(string Path, StatxBuffer Stat)>();
        CopyDirectory(source, destination, linked, directories);
        var root = Libc.LStat(source)!.Value;
        CopyAttributes(source, destination, root);
        directories.Add((destination, root));
        foreach (var (path, st) in directories)
            Libc.SetTimes(path, st.Atime.ToDateTimeOffset(), st.Mtime.ToDateTimeOffset());
    }

    static void CopyDirectory(string source, string destination, Dictionary<(ulong, ulong), string> linked,
        List<(string, StatxBuffer)> directories)
    {
        foreach (var from in Directory.EnumerateFileSystemEntries(source))
        {
            var to = Path.Combine(destination, Path.GetFileName(from));
            if (Libc.LStat(from) is not { } st) continue;
            if (!st.IsDirectory && st.Nlink > 1)
            {
                if (linked.TryGetValue(st.Identity, out var first))
                {
                    Libc.Check(Libc.Link(first, to), "link", to);
                    continue;
                }
                linked[st.Identity] = to;
            }
            switch (st.Type)
            {
                case Libc.SIfDir:
                    Libc.Check(Libc.Mkdir(to, 0b111_000_000 /* 0700 */), "mkdir", to);
                    CopyDirectory(from, to, linked, directories);
                    directories.Add((to, st));
                    break;
                case Libc.SIfReg:
                    File.Copy(from, to);
                    break;
                case Libc.SIfLnk:
                    Libc.Check(Libc.Symlink(new FileInfo(from).LinkTarget!, to), "symlink", to);
                    break;
                case Libc.SIfChr or Libc.SIfBlk or Libc.SIfIfo:
                    Libc.Check(Libc.Mknod(to, st.Mode, Libc.MakeDev(st.RdevMajor, st.RdevMinor)), "mknod", to);
                    break;
                default:
                    continue; // sockets are not image content
            }
            CopyAttributes(from, to, st);
            if (!st.IsDirectory) Libc.SetTimes(to, st.Atime.ToDateTimeOffset(), st.Mtime.ToDateTimeOffset());
        }
    }

    static void CopyAttributes(string from, string to, StatxBuffer st)
    {
        Libc.Check(Libc.LChown(to, st.Uid, st.Gid), "lchown", to);
        foreach (var name in Xattrs.List(from))
            if (Xattrs.Get(from, name) is { } value) Xattrs.Set(to, name, value);
        if (!st.IsSymlink) Libc.Check(Libc.Chmod(to, st.Permissions), "chmod", to);
    }
}

using System.Text;

namespace Platform.Images.Snapshots.Native;

/// <summary>Extended attributes of a path itself (symlinks are never followed).</summary>
internal static class Xattrs
{
    /// <summary>The xattr overlayfs reads to treat a directory as opaque (a root daemon, not in a user namespace).</summary>
    public const string OverlayOpaque = "trusted.overlay.opaque";

    /// <summary>
    /// Sets an xattr. False when the filesystem does not support it (ENOTSUP): layers keep what the host can hold.
    /// </summary>
    public static bool Set(string path, string name, ReadOnlySpan<byte> value)
    {
        if (Libc.LSetXattr(path, name, value, (nuint)value.Length, 0) == 0) return true;
        var errno = Libc.Errno;
        if (errno == Libc.ENOTSUP) return false;
        throw Libc.Error($"lsetxattr {name}", path, errno);
    }

    public static byte[]? Get(string path, string name)
    {
        var size = Libc.LGetXattr(path, name, Span<byte>.Empty, 0);
        if (size < 0)
        {
            var errno = Libc.Errno;
            if (errno is Libc.ENODATA or Libc.ENOTSUP) return null;
            throw Libc.Error($"lgetxattr {name}", path, errno);
        }
        var buffer = new byte[size];
        size = Libc.LGetXattr(path, name, buffer, (nuint)buffer.Length);
        Libc.Check(size, $"lgetxattr {name}", path);
        return buffer[..(int)size];
    }

    public static IReadOnlyList<string> List(string path)
    {
        var size = Libc.LListXattr(path, Span<byte>.Empty, 0);
        if (size < 0)
        {
            var errno = Libc.Errno;
            if (errno == Libc.ENOTSUP) return [];
            throw Libc.Error("llistxattr", path, errno);
        }
        if (size == 0) return [];
        var buffer = new byte[size];
        size = Libc.LListXattr(path, buffer, (nuint)buffer.Length);
        Libc.Check(size, "llistxattr", path);
        return Encoding.UTF8.GetString(buffer, 0, (int)size).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}

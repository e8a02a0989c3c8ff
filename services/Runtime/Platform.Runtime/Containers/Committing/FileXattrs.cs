using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Runtime.Containers.Committing;

/// <summary>Extended attributes of a path, not following a final symlink (llistxattr/lgetxattr).</summary>
public static class FileXattrs
{
    const int ENODATA = 61;
    const int ENOTSUP = 95;

    /// <summary>Every attribute but the overlay's own (a layer must not carry overlay metadata), names sorted.</summary>
    public static SortedDictionary<string, byte[]> Read(string path)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var size = llistxattr(path, null, 0);
        if (size <= 0) return result;
        var names = new byte[size];
        size = llistxattr(path, names, size);
        if (size <= 0) return result;
        foreach (var name in Encoding.UTF8.GetString(names, 0, (int)size).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (name.StartsWith("trusted.overlay.", StringComparison.Ordinal) || name.StartsWith("user.overlay.", StringComparison.Ordinal)) continue;
            if (Get(path, name) is { } value) result[name] = value;
        }
        return result;
    }

    /// <summary>The value, or null when the path has no such attribute.</summary>
    public static byte[]? Get(string path, string name)
    {
        var size = lgetxattr(path, name, null, 0);
        if (size < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENODATA or ENOTSUP ? null : throw new IOException($"getxattr {path} {name}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var value = new byte[size];
        size = lgetxattr(path, name, value, size);
        return size < 0 ? null : value[..(int)size];
    }

    [DllImport("libc", SetLastError = true)]
    static extern nint llistxattr([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[]? list, nint size);

    [DllImport("libc", SetLastError = true)]
    static extern nint lgetxattr([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        byte[]? value, nint size);
}

using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Runtime.Volumes.CopyUp;

/// <summary>The metadata calls a faithful copy needs, none of which follow symlinks.</summary>
public static class FileSyscalls
{
    public static void ChangeOwner(string path, uint uid, uint gid) => Check(lchown(path, uid, gid), "lchown", path);

    public static void ChangeMode(string path, uint mode) => Check(chmod(path, mode), "chmod", path);

    public static void MakeNode(string path, uint mode, uint major, uint minor) =>
        Check(mknod(path, mode, MakeDevice(major, minor)), "mknod", path);

    public static void HardLink(string existing, string path) => Check(link(existing, path), "link", path);

    public static void SetTimes(string path, FileStatus s) =>
        Check(utimensat(-100, path, [s.AccessSeconds, s.AccessNanoseconds, s.ModifySeconds, s.ModifyNanoseconds], 0x100), "utimensat", path);

    /// <summary>Copies every extended attribute the target filesystem accepts; unsupported ones are skipped.</summary>
    public static void CopyExtendedAttributes(string source, string target)
    {
        var size = llistxattr(source, null, 0);
        if (size <= 0) return;
        var names = new byte[size];
        size = llistxattr(source, names, size);
        if (size <= 0) return;
        foreach (var name in Encoding.UTF8.GetString(names, 0, (int)size).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var length = lgetxattr(source, name, null, 0);
            if (length < 0) continue;
            var value = new byte[length];
            length = lgetxattr(source, name, value, length);
            if (length >= 0) _ = lsetxattr(target, name, value, length, 0);
        }
    }

    static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0xFFFFF000) << 32) | ((ulong)(major & 0xFFF) << 8) | ((ulong)(minor & 0xFFFFFF00) << 12) | (minor & 0xFF);

    static void Check(int result, string call, string path)
    {
        if (result != 0) throw new IOException($"{call} {path}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    [DllImport("libc", SetLastError = true)] static extern int lchown(string path, uint uid, uint gid);
    [DllImport("libc", SetLastError = true)] static extern int chmod(string path, uint mode);
    [DllImport("libc", SetLastError = true)] static extern int mknod(string path, uint mode, ulong device);
    [DllImport("libc", SetLastError = true)] static extern int link(string existing, string path);
    [DllImport("libc", SetLastError = true)] static extern int utimensat(int dirfd, string path, long[] times, int flags);
    [DllImport("libc", SetLastError = true)] static extern nint llistxattr(string path, byte[]? list, nint size);
    [DllImport("libc", SetLastError = true)] static extern nint lgetxattr(string path, string name, byte[]? value, nint size);
    [DllImport("libc", SetLastError = true)] static extern int lsetxattr(string path, string name, byte[] value, nint size, int flags);
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Platform.Runtime.Containers.Files.Native;

/// <summary>
/// The *at(2) calls the container file routes work with: every path is relative to an open directory, never a host path
/// string, and openat2's RESOLVE_IN_ROOT keeps every lookup, symlinks and ".." included, inside the directory given.
/// </summary>
static class FileCalls
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_EXCL = 0x80, O_NONBLOCK = 0x800, O_DIRECTORY = 0x10000,
        O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EMPTY_PATH = 0x1000;
    public const int ENOENT = 2, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, ELOOP = 40;
    const ulong RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_IN_ROOT = 0x10;
    const long SysOpenat2 = 437; // the same number on every architecture (added after the syscall table unification)

    [StructLayout(LayoutKind.Sequential)]
    struct OpenHow { public ulong Flags; public ulong Mode; public ulong Resolve; }

    /// <summary>Opens <paramref name="relative"/> below <paramref name="root"/> as if root were "/": nothing escapes it.</summary>
    public static SafeFileHandle OpenInRoot(SafeFileHandle root, string relative, int flags, uint mode = 0)
    {
        var how = new OpenHow { Flags = (ulong)(flags | O_CLOEXEC), Mode = mode, Resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
        var fd = openat2(SysOpenat2, Fd(root), relative.Length == 0 ? "." : relative, ref how, (nuint)Marshal.SizeOf<OpenHow>());
        return Handle(fd, "openat2", relative);
    }

    /// <summary>A host path the runtime trusts (a rootfs, a volume, a bind source).</summary>
    public static SafeFileHandle OpenTrusted(string path, int flags) => Handle(open(path, flags | O_CLOEXEC, 0), "open", path);

    /// <summary>One name in a directory, never following a symlink at that name.</summary>
    public static SafeFileHandle OpenAt(SafeFileHandle dir, string name, int flags, uint mode = 0) =>
        Handle(openat(Fd(dir), name, flags | O_CLOEXEC | O_NOFOLLOW, mode), "openat", name);

    public static void MakeDirectory(SafeFileHandle dir, string name, uint mode) => Check(mkdirat(Fd(dir), name, mode), "mkdirat", name);
    public static void Symlink(string target, SafeFileHandle dir, string name) => Check(symlinkat(target, Fd(dir), name), "symlinkat", name);
    public static void MakeNode(SafeFileHandle dir, string name, uint mode, ulong device) => Check(mknodat(Fd(dir), name, mode, device), "mknodat", name);
    public static void Unlink(SafeFileHandle dir, string name, bool directory) =>
        Check(unlinkat(Fd(dir), name, directory ? AT_REMOVEDIR : 0), "unlinkat", name);

    public static void HardLink(SafeFileHandle fromDir, string fromName, SafeFileHandle toDir, string toName) =>
        Check(linkat(Fd(fromDir), fromName, Fd(toDir), toName, 0), "linkat", toName);

    public static void Chown(SafeFileHandle dir, string name, uint uid, uint gid) =>
        Check(fchownat(Fd(dir), name, uid, gid, AT_SYMLINK_NOFOLLOW), "lchown", name);

    /// <summary>chmod of what an O_PATH|O_NOFOLLOW handle holds (any type but a symlink), through its /proc magic link.</summary>
    public static void Chmod(SafeFileHandle file, uint mode) => Check(chmod($"/proc/self/fd/{Fd(file)}", mode), "chmod", "");

    /// <summary>Sets access and modification times of a name, not following a symlink there.</summary>
    public static void SetTimes(SafeFileHandle dir, string name, DateTimeOffset access, DateTimeOffset modify) =>
        Check(utimensat(Fd(dir), name, [.. Spec(access), .. Spec(modify)], AT_SYMLINK_NOFOLLOW), "utimensat", name);

    public static string ReadLink(SafeFileHandle dir, string name)
    {
        var buffer = new byte[4096];
        var length = readlinkat(Fd(dir), name, buffer, buffer.Length);
        if (length < 0) throw Error("readlinkat", name);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>The names in a directory, sorted as Go's filepath.Walk visits them.</summary>
    public static List<string> List(SafeFileHandle dir)
    {
        var names = Directory.EnumerateFileSystemEntries($"/proc/self/fd/{Fd(dir)}").Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public static int Fd(SafeFileHandle handle) => (int)handle.DangerousGetHandle();

    static long[] Spec(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return [Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest) - (rest < 0 ? 1 : 0), (rest < 0 ? rest + TimeSpan.TicksPerSecond : rest) * 100];
    }

    static SafeFileHandle Handle(long fd, string call, string path) => fd < 0 ? throw Error(call, path) : new SafeFileHandle((IntPtr)fd, ownsHandle: true);

    static void Check(int result, string call, string path)
    {
        if (result != 0) throw Error(call, path);
    }

    static FileCallException Error(string call, string path) => new(Marshal.GetLastPInvokeError(), call, path);

    [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
    static extern long openat2(long number, int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref OpenHow how, nuint size);
    [DllImport("libc", SetLastError = true)] static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);
    [DllImport("libc", SetLastError = true)] static extern int openat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);
    [DllImport("libc", SetLastError = true)] static extern int mkdirat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    [DllImport("libc", SetLastError = true)] static extern int symlinkat([MarshalAs(UnmanagedType.LPUTF8Str)] string target, int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport("libc", SetLastError = true)] static extern int mknodat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode, ulong device);
    [DllImport("libc", SetLastError = true)] static extern int unlinkat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", SetLastError = true)] static extern int linkat(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, int flags);
    [DllImport("libc", SetLastError = true)] static extern int fchownat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid, int flags);
    [DllImport("libc", SetLastError = true)] static extern int chmod([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    [DllImport("libc", SetLastError = true)] static extern int utimensat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, long[] times, int flags);
    [DllImport("libc", SetLastError = true)] static extern nint readlinkat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer, nint size);
}

/// <summary>A failed file call, with its errno: callers tell "not found" from the rest.</summary>
sealed class FileCallException(int errno, string call, string path)
    : IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}")
{
    public int Errno { get; } = errno;
    public bool IsNotFound => Errno is FileCalls.ENOENT or FileCalls.ENOTDIR;
    public string Reason => Marshal.GetPInvokeErrorMessage(Errno).ToLowerInvariant();
}

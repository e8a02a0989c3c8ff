using System.Runtime.InteropServices;

namespace Platform.Images.Snapshots.Native;

/// <summary>
/// The few libc calls the BCL lacks for applying layers: ownership without following links, device nodes, xattrs,
/// timestamps, hard links, mounts. Source-generated (<see cref="LibraryImportAttribute"/>): no reflection, AOT-safe.
/// Every call sets errno; use <see cref="Check"/> to turn a failure into an <see cref="IOException"/>.
/// </summary>
internal static partial class Libc
{
    const string Lib = "libc";

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const uint SIfMt = 0xF000, SIfLnk = 0xA000, SIfReg = 0x8000, SIfBlk = 0x6000,
        SIfDir = 0x4000, SIfChr = 0x2000, SIfIfo = 0x1000;
    public const int ENOENT = 2, ENOTDIR = 20, ENODATA = 61, ENOTSUP = 95;
    public const int MntDetach = 2;

    [LibraryImport(Lib, EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LChown(string path, uint uid, uint gid);

    [LibraryImport(Lib, EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chmod(string path, uint mode);

    [LibraryImport(Lib, EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mknod(string path, uint mode, ulong dev);

    [LibraryImport(Lib, EntryPoint = "symlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Symlink(string target, string linkPath);

    [LibraryImport(Lib, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(string existing, string newPath);

    [LibraryImport(Lib, EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mkdir(string path, uint mode);

    [LibraryImport(Lib, EntryPoint = "lsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LSetXattr(string path, string name, ReadOnlySpan<byte> value, nuint size, int flags);

    [LibraryImport(Lib, EntryPoint = "lgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LGetXattr(string path, string name, Span<byte> value, nuint size);

    [LibraryImport(Lib, EntryPoint = "llistxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LListXattr(string path, Span<byte> list, nuint size);

    [LibraryImport(Lib, EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Utimensat(int dirFd, string path, ReadOnlySpan<Timespec> times, int flags);

    [LibraryImport(Lib, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport(Lib, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string source, string target, string fsType, ulong flags, string? data);

    [LibraryImport(Lib, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "syncfs", SetLastError = true)]
    public static partial int Syncfs(int fd);

    [LibraryImport(Lib, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    /// <summary>glibc's makedev(3): the 64-bit dev_t encoding Linux uses.</summary>
    public static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000u) << 32) | ((ulong)(major & 0xfffu) << 8) |
        ((ulong)(minor & 0xffffff00u) << 12) | (minor & 0xffu);

    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>Throws an <see cref="IOException"/> naming the call and path when <paramref name="result"/> is negative.</summary>
    public static void Check(long result, string call, string path)
    {
        if (result < 0) throw Error(call, path, Errno);
    }

    public static IOException Error(string call, string path, int errno) =>
        new($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    /// <summary>lstat through statx(2): never follows the last component. Null when the path does not exist.</summary>
    public static StatxBuffer? LStat(string path)
    {
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBuffer.BasicStats, out var st) == 0) return st;
        var errno = Errno;
        if (errno is ENOENT or ENOTDIR) return null;
        throw Error("statx", path, errno);
    }

    /// <summary>Sets atime and mtime of the path itself (a symlink is not followed).</summary>
    public static void SetTimes(string path, DateTimeOffset atime, DateTimeOffset mtime)
    {
        ReadOnlySpan<Timespec> times = [Timespec.From(atime), Timespec.From(mtime)];
        Check(Utimensat(AtFdCwd, path, times, AtSymlinkNoFollow), "utimensat", path);
    }

    /// <summary>Flushes the filesystem holding <paramref name="path"/> (one syscall instead of an fsync per file).</summary>
    public static void SyncFilesystem(string path) => WithFd(path, fd => Syncfs(fd), "syncfs");

    /// <summary>fsync of a directory: makes a rename inside it durable.</summary>
    public static void SyncDirectory(string path) => WithFd(path, fd => Fsync(fd), "fsync");

    static void WithFd(string path, Func<int, int> call, string name)
    {
        var fd = Open(path, 0 /* O_RDONLY */);
        Check(fd, "open", path);
        try { Check(call(fd), name, path); }
        finally { Close(fd); }
    }
}

[StructLayout(LayoutKind.Sequential)]
internal readonly struct Timespec(long seconds, long nanoseconds)
{
    readonly long _seconds = seconds;
    readonly long _nanoseconds = nanoseconds;

    public static Timespec From(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0) { seconds--; rest += TimeSpan.TicksPerSecond; }
        return new Timespec(seconds, rest * 100);
    }
}

[StructLayout(LayoutKind.Sequential)]
internal readonly struct StatxTimestamp
{
    public readonly long Seconds;
    public readonly uint Nanoseconds;
    readonly int _reserved;

    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanoseconds / 100);
}

/// <summary>struct statx (linux/stat.h): the same layout on every architecture, unlike struct stat.</summary>
[StructLayout(LayoutKind.Sequential, Size = 256)]
internal readonly struct StatxBuffer
{
    public const uint BasicStats = 0x7ff;

    public readonly uint Mask;
    public readonly uint BlockSize;
    public readonly ulong Attributes;
    public readonly uint Nlink;
    public readonly uint Uid;
    public readonly uint Gid;
    public readonly ushort Mode;
    readonly ushort _spare0;
    public readonly ulong Ino;
    public readonly ulong Size;
    public readonly ulong Blocks;
    public readonly ulong AttributesMask;
    public readonly StatxTimestamp Atime;
    public readonly StatxTimestamp Btime;
    public readonly StatxTimestamp Ctime;
    public readonly StatxTimestamp Mtime;
    public readonly uint RdevMajor;
    public readonly uint RdevMinor;
    public readonly uint DevMajor;
    public readonly uint DevMinor;

    public uint Type => Mode & Libc.SIfMt;
    public uint Permissions => Mode & 0xFFFu;
    public bool IsDirectory => Type == Libc.SIfDir;
    public bool IsSymlink => Type == Libc.SIfLnk;
    public bool IsRegular => Type == Libc.SIfReg;
    public (ulong Dev, ulong Ino) Identity => (((ulong)DevMajor << 32) | DevMinor, Ino);
}

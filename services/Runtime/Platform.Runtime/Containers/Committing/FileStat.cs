using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Platform.Runtime.Containers.Committing;

public enum FileKind { Regular, Directory, Symlink, CharDevice, BlockDevice, Fifo, Socket }

/// <summary>
/// One lstat of a path, through statx(2) (its buffer has the same layout on every architecture): what a layer tar
/// records of an entry. A whiteout in an overlay upper dir is a character device 0/0.
/// </summary>
public sealed record FileStat(FileKind Kind, int Mode, int Uid, int Gid, long Size, DateTimeOffset ModifiedAt,
    long MtimeNanos, int RdevMajor, int RdevMinor, long Inode, long Device, int Links)
{
    const int AtFdCwd = -100;
    const int AtSymlinkNoFollow = 0x100;
    const uint BasicStats = 0x7ff;

    public bool IsWhiteout => Kind == FileKind.CharDevice && RdevMajor == 0 && RdevMinor == 0;

    public static FileStat Of(string path)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, BasicStats, buffer) != 0)
            throw new IOException($"stat {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        var span = buffer.AsSpan();
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(span[112..]);
        var nanos = BinaryPrimitives.ReadUInt32LittleEndian(span[120..]);
        return new FileStat(KindOf(mode), mode & 0xfff,
            BinaryPrimitives.ReadInt32LittleEndian(span[20..]), BinaryPrimitives.ReadInt32LittleEndian(span[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[40..]),
            DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100), seconds * 1_000_000_000 + nanos,
            BinaryPrimitives.ReadInt32LittleEndian(span[128..]), BinaryPrimitives.ReadInt32LittleEndian(span[132..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[32..]),
            ((long)BinaryPrimitives.ReadUInt32LittleEndian(span[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(span[140..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[16..]));
    }

    static FileKind KindOf(int mode) => (mode & 0xf000) switch
    {
        0x4000 => FileKind.Directory,
        0xa000 => FileKind.Symlink,
        0x2000 => FileKind.CharDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xc000 => FileKind.Socket,
        _ => FileKind.Regular,
    };

    [DllImport("libc", SetLastError = true)]
    static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Platform.Runtime.Volumes.CopyUp;

/// <summary>
/// lstat through statx(2), whose buffer layout is the same on every architecture: owner, full mode (type, setuid,
/// setgid, sticky), link count, inode, device numbers and times. What .NET's FileSystemInfo does not expose.
/// </summary>
public readonly record struct FileStatus(
    uint Mode, uint Uid, uint Gid, uint Links, ulong Inode, ulong Device, uint RdevMajor, uint RdevMinor, long Size,
    long AccessSeconds, uint AccessNanoseconds, long ModifySeconds, uint ModifyNanoseconds)
{
    public const uint TypeMask = 0xF000, Directory = 0x4000, Regular = 0x8000, Symlink = 0xA000,
        CharDevice = 0x2000, BlockDevice = 0x6000, Fifo = 0x1000, Socket = 0xC000;

    public uint Type => Mode & TypeMask;
    public uint Permissions => Mode & 0xFFF;

    public static FileStatus Of(string path)
    {
        var buffer = new byte[256];
        if (statx(AtCurrentDirectory, path, SymlinkNoFollow, BasicStats, buffer) != 0)
            throw new IOException($"statx {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        var b = buffer.AsSpan();
        return new FileStatus(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(b[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
            Gid: BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            Device: ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b[140..]),
            RdevMajor: BinaryPrimitives.ReadUInt32LittleEndian(b[128..]),
            RdevMinor: BinaryPrimitives.ReadUInt32LittleEndian(b[132..]),
            Size: BinaryPrimitives.ReadInt64LittleEndian(b[40..]),
            AccessSeconds: BinaryPrimitives.ReadInt64LittleEndian(b[64..]),
            AccessNanoseconds: BinaryPrimitives.ReadUInt32LittleEndian(b[72..]),
            ModifySeconds: BinaryPrimitives.ReadInt64LittleEndian(b[112..]),
            ModifyNanoseconds: BinaryPrimitives.ReadUInt32LittleEndian(b[120..]));
    }

    const int AtCurrentDirectory = -100;
    const int SymlinkNoFollow = 0x100;
    const uint BasicStats = 0x7FF;

    [DllImport("libc", SetLastError = true)]
    static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Platform.Runtime.Containers.Files.Native;

/// <summary>What statx(2) says of an open file (the handle itself, AT_EMPTY_PATH), or of a name in a directory, not followed.</summary>
public readonly record struct EntryStat(uint Mode, uint Uid, uint Gid, uint Links, ulong Inode, ulong Device, uint RdevMajor, uint RdevMinor,
    long Size, DateTimeOffset AccessTime, DateTimeOffset ModifyTime)
{
    public const uint TypeMask = 0xF000, Directory = 0x4000, Regular = 0x8000, Symlink = 0xA000, CharDevice = 0x2000,
        BlockDevice = 0x6000, Fifo = 0x1000, Socket = 0xC000;

    public uint Type => Mode & TypeMask;
    public uint Permissions => Mode & 0xFFF;
    public bool IsDirectory => Type == Directory;
    public bool IsSymlink => Type == Symlink;
    public bool IsRegular => Type == Regular;
    /// <summary>An overlay whiteout: a character device 0/0.</summary>
    public bool IsWhiteout => Type == CharDevice && RdevMajor == 0 && RdevMinor == 0;

    public static EntryStat Of(SafeFileHandle handle) => Of(FileCalls.Fd(handle), "", FileCalls.AT_EMPTY_PATH | FileCalls.AT_SYMLINK_NOFOLLOW);

    public static EntryStat Of(SafeFileHandle dir, string name) => Of(FileCalls.Fd(dir), name, FileCalls.AT_SYMLINK_NOFOLLOW);

    /// <summary>Null when the name does not exist.</summary>
    public static EntryStat? Find(SafeFileHandle dir, string name)
    {
        try { return Of(dir, name); }
        catch (FileCallException e) when (e.IsNotFound) { return null; }
    }

    static EntryStat Of(int dirfd, string path, int flags)
    {
        var buffer = new byte[256];
        if (statx(dirfd, path, flags, 0x7FF, buffer) != 0) throw new FileCallException(Marshal.GetLastPInvokeError(), "statx", path);
        var b = buffer.AsSpan();
        return new EntryStat(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(b[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
            Gid: BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            Device: ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b[140..]),
            RdevMajor: BinaryPrimitives.ReadUInt32LittleEndian(b[128..]),
            RdevMinor: BinaryPrimitives.ReadUInt32LittleEndian(b[132..]),
            Size: BinaryPrimitives.ReadInt64LittleEndian(b[40..]),
            AccessTime: Time(b[64..]),
            ModifyTime: Time(b[112..]));
    }

    static DateTimeOffset Time(ReadOnlySpan<byte> timestamp) =>
        DateTimeOffset.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(timestamp) * TimeSpan.TicksPerSecond
            + BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]) / 100);

    [DllImport("libc", SetLastError = true)]
    static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}

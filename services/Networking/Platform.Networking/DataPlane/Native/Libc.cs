using System.Runtime.InteropServices;

namespace Platform.Networking.DataPlane.Native;

/// <summary>
/// The libc calls the data plane needs: netlink sockets, namespaces and the mounts that pin them.
/// Source-generated (<see cref="LibraryImportAttribute"/>): no reflection, AOT-safe. Failures set errno.
/// </summary>
internal static partial class Libc
{
    const string Lib = "libc";

    public const int AfNetlink = 16, SockRaw = 3, SockCloexec = 0x80000, NetlinkRoute = 0;
    public const int SolSocket = 1, SoRcvtimeo = 20, SolNetlink = 270, NetlinkCapAck = 10, NetlinkExtAck = 11;
    public const int CloneNewNet = 0x40000000;
    public const int ORdOnly = 0, OCreat = 0x40, ODirectory = 0x10000, OCloexec = 0x80000;
    public const ulong MsBind = 4096, MsRec = 16384, MsShared = 1 << 20;
    public const int MntDetach = 2;

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, ReadOnlySpan<byte> address, uint length);

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, ReadOnlySpan<byte> value, uint length);

    [LibraryImport(Lib, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, ReadOnlySpan<byte> buffer, nuint length, int flags);

    [LibraryImport(Lib, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, Span<byte> buffer, nuint length, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    /// <summary>open(2) of a NUL-terminated UTF-8 path: no marshalling, for threads that must not allocate.</summary>
    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true)]
    public static partial int OpenBytes(ReadOnlySpan<byte> path, int flags, uint mode);

    [LibraryImport(Lib, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport(Lib, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int nsType);

    [LibraryImport(Lib, EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport(Lib, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string? source, string target, string? fsType, ulong flags, string? data);

    [LibraryImport(Lib, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    [LibraryImport(Lib, EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int StatFs(string path, Span<byte> buffer);

    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>Throws a <see cref="SystemCallException"/> naming the call when <paramref name="result"/> is negative.</summary>
    public static long Check(long result, string call, string? subject = null) =>
        result >= 0 ? result : throw new SystemCallException(call, subject, Errno);
}

using System.Runtime.InteropServices;

namespace Platform.Runtime.Engine.Native;

/// <summary>The few libc calls .NET does not expose: pipes, mounts, O_PATH directories, signals.</summary>
static class Libc
{
    public const int O_CLOEXEC = 0x80000;
    public const int O_PATH = 0x200000;
    public const int O_DIRECTORY = 0x10000;
    public const int O_RDONLY = 0;
    public const int O_NONBLOCK = 0x800;
    public const short POLLIN = 0x1;
    public const short POLLHUP = 0x10;
    public const int ENOENT = 2;
    public const int EAGAIN = 11;
    public const int MNT_DETACH = 2;
    public const int UMOUNT_NOFOLLOW = 8;
    public const int EINVAL = 22;
    public const int EINTR = 4;
    public const int ECHILD = 10;

    [DllImport("libc", SetLastError = true)]
    public static extern int pipe2(int[] fds, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, byte[] buffer, nint count);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    public static extern int poll(ref PollFd fds, ulong nfds, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    public static extern int kill(int pid, int signal);

    [DllImport("libc", SetLastError = true)]
    public static extern int mount([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string fstype, ulong flags, [MarshalAs(UnmanagedType.LPUTF8Str)] string data);

    [DllImport("libc", SetLastError = true)]
    public static extern int umount2([MarshalAs(UnmanagedType.LPUTF8Str)] string target, int flags);


    [DllImport("libc")]
    static extern IntPtr strerror(int errnum);

    public static string Error(int errno) => Marshal.PtrToStringUTF8(strerror(errno)) ?? $"errno {errno}";

    public static string LastError() => Error(Marshal.GetLastPInvokeError());
}

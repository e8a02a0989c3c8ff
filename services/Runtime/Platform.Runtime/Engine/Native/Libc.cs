using System.Runtime.InteropServices;

namespace Platform.Runtime.Engine.Native;

/// <summary>The few libc calls .NET does not expose: fd-exact spawning, pipes, mounts, O_PATH directories.</summary>
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
    public const int EINTR = 4;
    public const int ECHILD = 10;
    public const short POSIX_SPAWN_SETSIGDEF = 0x04;
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;

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
    public static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc", SetLastError = true)]
    public static extern int mount([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string fstype, ulong flags, [MarshalAs(UnmanagedType.LPUTF8Str)] string data);

    [DllImport("libc", SetLastError = true)]
    public static extern int umount2([MarshalAs(UnmanagedType.LPUTF8Str)] string target, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int posix_spawn(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        IntPtr fileActions, IntPtr attr, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc")] public static extern int posix_spawn_file_actions_init(IntPtr actions);
    [DllImport("libc")] public static extern int posix_spawn_file_actions_destroy(IntPtr actions);
    [DllImport("libc")] public static extern int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newfd);
    [DllImport("libc")] public static extern int posix_spawn_file_actions_addchdir_np(IntPtr actions, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport("libc")] public static extern int posix_spawnattr_init(IntPtr attr);
    [DllImport("libc")] public static extern int posix_spawnattr_destroy(IntPtr attr);
    [DllImport("libc")] public static extern int posix_spawnattr_setflags(IntPtr attr, short flags);
    [DllImport("libc")] public static extern int posix_spawnattr_setsigdefault(IntPtr attr, IntPtr sigset);
    [DllImport("libc")] public static extern int posix_spawnattr_setsigmask(IntPtr attr, IntPtr sigset);
    [DllImport("libc")] public static extern int sigfillset(IntPtr set);
    [DllImport("libc")] public static extern int sigemptyset(IntPtr set);

    [DllImport("libc")]
    static extern IntPtr strerror(int errnum);

    public static string Error(int errno) => Marshal.PtrToStringUTF8(strerror(errno)) ?? $"errno {errno}";

    public static string LastError() => Error(Marshal.GetLastPInvokeError());
}

using System.Runtime.InteropServices;

namespace Platform.Runtime.Oci;

/// <summary>The system calls the built-in OCI runtime makes: namespaces, mounts, credentials, terminals, fd passing.</summary>
static unsafe partial class Sys
{
    public const int CLONE_NEWNS = 0x00020000, CLONE_NEWCGROUP = 0x02000000, CLONE_NEWUTS = 0x04000000,
        CLONE_NEWIPC = 0x08000000, CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000, CLONE_FS = 0x00000200;

    public const ulong MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_SYNCHRONOUS = 16, MS_REMOUNT = 32,
        MS_MANDLOCK = 64, MS_DIRSYNC = 128, MS_NOSYMFOLLOW = 256, MS_NOATIME = 1024, MS_NODIRATIME = 2048, MS_BIND = 4096,
        MS_REC = 16384, MS_SILENT = 32768, MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19,
        MS_SHARED = 1 << 20, MS_RELATIME = 1 << 21, MS_STRICTATIME = 1 << 24;

    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_NOCTTY = 0x100, O_DIRECTORY = 0x10000,
        O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;

    public const int MNT_DETACH = 2;
    public const int ENOSYS = 38, EINVAL = 22, E2BIG = 7, EINTR = 4, ENOENT = 2, EEXIST = 17, ESRCH = 3, EBUSY = 16, EPERM = 1, ENOTDIR = 20;
    public const int PR_SET_PDEATHSIG = 1, PR_SET_KEEPCAPS = 8, PR_CAPBSET_DROP = 24, PR_SET_NO_NEW_PRIVS = 38,
        PR_CAP_AMBIENT = 47, PR_CAP_AMBIENT_CLEAR_ALL = 4;
    public const int SIGKILL = 9;
    public const uint S_IFCHR = 0x2000;
    public const ulong TIOCSCTTY = 0x540E, TIOCSWINSZ = 0x5414, TIOCGPTN = 0x80045430, TIOCSPTLCK = 0x40045431;
    const long SYS_rt_sigaction = 13, SYS_rt_sigprocmask = 14, SYS_pivot_root = 155, SYS_setns = 308, SYS_capset = 126, SYS_keyctl = 250, SYS_setgroups = 116, SYS_setresuid = 117, SYS_setresgid = 119, SYS_seccomp = 317;
    public const uint MFD_CLOEXEC = 1;
    const int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000, SOL_SOCKET = 1, SCM_RIGHTS = 1;

    [LibraryImport("libc", SetLastError = true)] public static partial int unshare(int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial long syscall(long number, long a, long b, long c, long d, long e);
    [LibraryImport("libc", SetLastError = true)] public static partial int close(int fd);
    [LibraryImport("libc", SetLastError = true)] public static partial int dup2(int fd, int target);
    [LibraryImport("libc", SetLastError = true)] public static partial nint write(int fd, byte* buffer, nint count);
    [LibraryImport("libc", SetLastError = true)] public static partial nint read(int fd, byte* buffer, nint count);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int open(string path, int flags, uint mode);
    [LibraryImport("libc", SetLastError = true)] public static partial int fchdir(int fd);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int chdir(string path);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string? source, string target, string? fstype, ulong flags, string? data);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int umount2(string target, int flags);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int mknod(string path, uint mode, ulong dev);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int mkfifo(string path, uint mode);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int access(string path, int mode);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int chmod(string path, uint mode);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int symlink(string target, string path);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int sethostname(string name, nint length);
    [LibraryImport("libc", SetLastError = true)] public static partial int umask(int mask);
    [LibraryImport("libc", SetLastError = true)] public static partial int prctl(int option, ulong a, ulong b, ulong c, ulong d);
    [LibraryImport("libc", SetLastError = true)] public static partial int setrlimit(int resource, ulong* limits);
    [LibraryImport("libc", SetLastError = true)] public static partial int setsid();
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] public static partial int memfd_create(string name, uint flags);
    [LibraryImport("libc", SetLastError = true)] public static partial int ioctl(int fd, ulong request, void* arg);
    [LibraryImport("libc", SetLastError = true)] public static partial int kill(int pid, int signal);
    [LibraryImport("libc", SetLastError = true)] public static partial int execve(byte* path, byte** argv, byte** envp);
    [LibraryImport("libc", SetLastError = true)] public static partial int socketpair(int domain, int type, int protocol, int* fds);
    [LibraryImport("libc", SetLastError = true)] private static partial int socket(int domain, int type, int protocol);
    [LibraryImport("libc", SetLastError = true)] private static partial int connect(int fd, byte* address, int length);
    [LibraryImport("libc", SetLastError = true)] private static partial nint sendmsg(int fd, MsgHdr* message, int flags);
    [LibraryImport("libc", SetLastError = true)] public static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] private static partial int statvfs(string path, byte* buffer);

    /// <summary>The per-mount flags (MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, atime ones) of the mount holding path.</summary>
    public static ulong MountFlags(string path)
    {
        var buffer = stackalloc byte[112]; // struct statvfs on 64-bit Linux; f_flag at offset 72
        Check(statvfs(path, buffer), $"statvfs {path}");
        var flag = *(ulong*)(buffer + 72);
        const ulong kept = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME | MS_RELATIME;
        return flag & kept; // ST_* values are the MS_* ones for these
    }

    /// <summary>keyctl(KEYCTL_JOIN_SESSION_KEYRING, name): a new session keyring of that name for this process.</summary>
    public static int JoinSessionKeyring(string name)
    {
        var n = Marshal.StringToCoTaskMemUTF8(name);
        try { return (int)syscall(SYS_keyctl, 1, n, 0, 0, 0); }
        finally { Marshal.FreeCoTaskMem(n); }
    }

    // The credential calls as raw system calls: they change the calling thread only, the one that execs the container's
    // process. libc's wrappers would stop every thread of the runtime to change it too (its setxid broadcast), for
    // threads execve ends anyway.
    public static int setgroups(nint count, uint* groups) => (int)syscall(SYS_setgroups, count, (long)groups, 0, 0, 0);

    public static int setresgid(uint r, uint e, uint s) => (int)syscall(SYS_setresgid, r, e, s, 0, 0);

    public static int setresuid(uint r, uint e, uint s) => (int)syscall(SYS_setresuid, r, e, s, 0, 0);

    public static int setns(int fd, int type) => (int)syscall(SYS_setns, fd, type, 0, 0, 0);

    /// <summary>seccomp(SECCOMP_SET_MODE_FILTER, 0, prog): a compiled filter on the calling thread.</summary>
    public static int seccomp_set_filter(long* program) => (int)syscall(SYS_seccomp, 1 /* SECCOMP_SET_MODE_FILTER */, 0, (long)program, 0, 0);

    public static int pivot_root(string newRoot, string putOld)
    {
        var a = Marshal.StringToCoTaskMemUTF8(newRoot);
        var b = Marshal.StringToCoTaskMemUTF8(putOld);
        try { return (int)syscall(SYS_pivot_root, a, b, 0, 0, 0); }
        finally { Marshal.FreeCoTaskMem(a); Marshal.FreeCoTaskMem(b); }
    }

    /// <summary>capset(2), version 3: the calling thread's effective, permitted and inheritable sets (64 bits each).</summary>
    public static int capset(ulong effective, ulong permitted, ulong inheritable)
    {
        var header = stackalloc uint[2];
        header[0] = 0x20080522; // _LINUX_CAPABILITY_VERSION_3
        header[1] = 0;
        var data = stackalloc uint[6];
        data[0] = (uint)effective; data[1] = (uint)permitted; data[2] = (uint)inheritable;
        data[3] = (uint)(effective >> 32); data[4] = (uint)(permitted >> 32); data[5] = (uint)(inheritable >> 32);
        return (int)syscall(SYS_capset, (long)header, (long)data, 0, 0, 0);
    }

    /// <summary>
    /// Every signal's disposition back to the default and none blocked, as a new program expects them (an exec keeps
    /// ignored signals ignored, and this runtime ignores SIGPIPE). Raw system calls with no GC transition: safe in a
    /// forked child.
    /// </summary>
    public static void ResetSignals()
    {
        var defaultAction = stackalloc ulong[4]; // struct kernel_sigaction: SIG_DFL, no flags, no restorer, empty mask
        defaultAction[0] = defaultAction[1] = defaultAction[2] = defaultAction[3] = 0;
        for (var signal = 1; signal <= 64; signal++)
            if (signal != SIGKILL && signal != 19 /* SIGSTOP */) Native.ProcessSpawner.RawSyscall(SYS_rt_sigaction, signal, (long)defaultAction, 0, 8, 0, 0);
        var none = stackalloc ulong[1];
        none[0] = 0;
        Native.ProcessSpawner.RawSyscall(SYS_rt_sigprocmask, 2 /* SIG_SETMASK */, (long)none, 0, 8, 0, 0);
    }

    public static int Errno => Marshal.GetLastPInvokeError();

    public static string Error(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>Throws "what: strerror" when rc is negative.</summary>
    public static int Check(int rc, string what) => rc >= 0 ? rc : throw new OciException($"{what}: {Error(Errno)}");

    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            for (nint done = 0; done < data.Length;)
            {
                var n = write(fd, p + done, data.Length - done);
                if (n < 0 && Errno == EINTR) continue;
                if (n <= 0) throw new OciException($"write: {Error(Errno)}");
                done += n;
            }
    }

    /// <summary>Reads up to the buffer's size; 0 at end of file.</summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
            while (true)
            {
                var n = read(fd, p, buffer.Length);
                if (n >= 0) return (int)n;
                if (Errno != EINTR) throw new OciException($"read: {Error(Errno)}");
            }
    }

    public static (int A, int B) SocketPair()
    {
        var fds = stackalloc int[2];
        Check(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), "socketpair");
        return (fds[0], fds[1]);
    }

    [StructLayout(LayoutKind.Sequential)]
    struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public void* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>A connected unix stream socket (close-on-exec), e.g. to conmon's console socket.</summary>
    public static int ConnectUnix(string socketPath)
    {
        var sock = Check(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket");
        var address = stackalloc byte[110];
        new Span<byte>(address, 110).Clear();
        *(ushort*)address = AF_UNIX;
        var path = System.Text.Encoding.UTF8.GetBytes(socketPath);
        if (path.Length > 107) { close(sock); throw new OciException($"socket path too long: {socketPath}"); }
        path.CopyTo(new Span<byte>(address + 2, 108));
        if (connect(sock, address, 2 + path.Length + 1) != 0)
        {
            var error = Error(Errno);
            close(sock);
            throw new OciException($"connect {socketPath}: {error}");
        }
        return sock;
    }

    /// <summary>Sends fd over a connected unix socket with SCM_RIGHTS, its name as the payload (the console socket protocol).</summary>
    public static void SendFd(int sock, int fd, string name)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(name);
        var control = stackalloc byte[24]; // CMSG_SPACE(sizeof(int)): a 16-byte header and the int, aligned to 8
        new Span<byte>(control, 24).Clear();
        *(ulong*)control = 20; // cmsg_len = CMSG_LEN(sizeof(int))
        *(int*)(control + 8) = SOL_SOCKET;
        *(int*)(control + 12) = SCM_RIGHTS;
        *(int*)(control + 16) = fd;
        fixed (byte* p = payload)
        {
            var iov = stackalloc nuint[2];
            iov[0] = (nuint)p;
            iov[1] = (nuint)payload.Length;
            var message = new MsgHdr { Iov = iov, IovLength = 1, Control = control, ControlLength = 24 };
            if (sendmsg(sock, &message, 0) < 0) throw new OciException($"send the terminal: {Error(Errno)}");
        }
    }

    /// <summary>A NULL-terminated array of UTF-8 strings in unmanaged memory (freed with <see cref="FreeStrings"/>).</summary>
    public static byte** Strings(IReadOnlyList<string> values)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < values.Count; i++) array[i] = (byte*)Marshal.StringToCoTaskMemUTF8(values[i]);
        array[values.Count] = null;
        return array;
    }

    public static void FreeStrings(byte** array)
    {
        for (var p = array; *p != null; p++) Marshal.FreeCoTaskMem((nint)(*p));
        NativeMemory.Free(array);
    }
}

/// <summary>A failure of the built-in OCI runtime: its message is what the container's user reads.</summary>
sealed class OciException(string message) : Exception(message);

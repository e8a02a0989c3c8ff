using Microsoft.Win32.SafeHandles;

namespace Platform.Runtime.Engine.Native;

/// <summary>An O_CLOEXEC pipe; one end goes to a child through <see cref="ProcessSpawner"/>, the other stays here.</summary>
sealed class Pipe : IDisposable
{
    public int ReadFd { get; private set; }
    public int WriteFd { get; private set; }

    public Pipe()
    {
        var fds = new int[2];
        if (Libc.pipe2(fds, Libc.O_CLOEXEC) != 0) throw new EngineException($"pipe2: {Libc.LastError()}");
        (ReadFd, WriteFd) = (fds[0], fds[1]);
    }

    /// <summary>Takes the read end as a stream (the pipe no longer owns it).</summary>
    public FileStream TakeReader() => Take(ReadFd, FileAccess.Read, () => ReadFd = -1);

    public FileStream TakeWriter() => Take(WriteFd, FileAccess.Write, () => WriteFd = -1);

    public void CloseRead() { if (ReadFd >= 0) Libc.close(ReadFd); ReadFd = -1; }

    public void CloseWrite() { if (WriteFd >= 0) Libc.close(WriteFd); WriteFd = -1; }

    static FileStream Take(int fd, FileAccess access, Action forget)
    {
        forget();
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), access, bufferSize: 0);
    }

    public void Dispose() { CloseRead(); CloseWrite(); }
}

using Platform.Networking.DataPlane.Native;
using Platform.Networking.DataPlane.Netlink;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>A network namespace made ahead of need, held open by a file descriptor, with loopback up.</summary>
internal sealed class FreshNamespace(int fd, NetlinkSocket socket) : IDisposable
{
    int _fd = fd;

    public static async Task<FreshNamespace> CreateAsync(NamespaceThread thread)
    {
        var (fd, socketFd) = await thread.CreateNamespaceAsync();
        var socket = NetlinkSocket.Adopt(socketFd);
        try
        {
            socket.SetUp(Rt.LoopbackIndex);
            return new FreshNamespace(fd, socket);
        }
        catch
        {
            socket.Dispose();
            Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Bind-mounts the namespace on <paramref name="pin"/>, then lets go of the descriptor (the socket stays).</summary>
    public NetlinkSocket PinAt(string pin)
    {
        Libc.Check(Libc.Mount($"/proc/self/fd/{_fd}", pin, null, Libc.MsBind, null), "mount --bind", pin);
        Libc.Close(Interlocked.Exchange(ref _fd, -1));
        return socket;
    }

    public void Dispose()
    {
        socket.Dispose();
        if (Interlocked.Exchange(ref _fd, -1) is var open and >= 0) Libc.Close(open);
    }
}

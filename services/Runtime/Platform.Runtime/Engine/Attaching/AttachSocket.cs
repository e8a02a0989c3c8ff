using System.Net.Sockets;
using Platform.Runtime.Engine.Native;

namespace Platform.Runtime.Engine.Attaching;

/// <summary>Connects to conmon's SOCK_SEQPACKET attach socket in a bundle dir, whatever the length of its path.</summary>
static class AttachSocket
{
    public static async Task<Socket> ConnectAsync(string directory, CancellationToken ct)
    {
        // sun_path holds 107 bytes; going through an O_PATH fd of the directory (as conmon binds it) has no such limit.
        var dirFd = Libc.open(directory, Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
        if (dirFd < 0) throw new EngineException($"attach: {directory}: {Libc.LastError()}", 404);
        var socket = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint($"/proc/self/fd/{dirFd}/attach"), ct);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new EngineException($"failed to attach to container: {e.Message}", 409);
        }
        finally
        {
            Libc.close(dirFd);
        }
    }
}

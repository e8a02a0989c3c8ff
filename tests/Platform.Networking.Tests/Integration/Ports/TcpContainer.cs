using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Tests.Integration.Ports;

/// <summary>Stands in for a container's TCP service on 127.0.0.1: each accepted connection runs <c>serve</c>.</summary>
sealed class TcpContainer : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public TcpContainer(Func<Socket, Task> serve)
    {
        listener.Start();
        _ = AcceptAsync(serve);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Echoes until the client ends its output, then ends its own.</summary>
    public static TcpContainer Echo() => new(async socket =>
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0) await socket.SendAsync(buffer.AsMemory(0, read));
        socket.Shutdown(SocketShutdown.Send);
    });

    async Task AcceptAsync(Func<Socket, Task> serve)
    {
        while (true)
        {
            Socket socket;
            try { socket = await listener.AcceptSocketAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (socket)
                    try { await serve(socket); }
                    catch (SocketException) { }
            });
        }
    }

    public void Dispose() => listener.Stop();
}

using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Udp;

/// <summary>
/// One client's conversation with the container: a connected upstream socket (so the container sees one stable
/// source per client) whose replies go back to the client from the published socket.
/// </summary>
sealed class UdpFlow : IDisposable
{
    const int MaxDatagram = 65536;
    readonly Socket published;
    readonly EndPoint client;
    readonly Socket upstream;

    public UdpFlow(Socket published, EndPoint client, IPEndPoint target)
    {
        (this.published, this.client) = (published, client);
        upstream = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        upstream.Connect(target);
        Touch();
        _ = RelayRepliesAsync();
    }

    /// <summary>Environment.TickCount64 of the last datagram either way.</summary>
    public long LastActive { get; private set; }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram)
    {
        Touch();
        try { await upstream.SendAsync(datagram, SocketFlags.None); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { } // datagrams may be lost
    }

    async Task RelayRepliesAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            while (true)
            {
                try
                {
                    var read = await upstream.ReceiveAsync(buffer, SocketFlags.None);
                    Touch();
                    await published.SendToAsync(buffer.AsMemory(0, read), SocketFlags.None, client);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.MessageSize) { }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    void Touch() => LastActive = Environment.TickCount64;

    public void Dispose() => upstream.Dispose();
}

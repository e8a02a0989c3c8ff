using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Tests.Integration.Ports;

/// <summary>Stands in for a container's UDP service on 127.0.0.1: echoes datagrams and records who sent them.</summary>
sealed class UdpContainer : IDisposable
{
    readonly UdpClient socket = new(new IPEndPoint(IPAddress.Loopback, 0));

    public UdpContainer() => _ = EchoAsync();

    public int Port => ((IPEndPoint)socket.Client.LocalEndPoint!).Port;

    public ConcurrentQueue<IPEndPoint> Senders { get; } = new();

    async Task EchoAsync()
    {
        while (true)
        {
            try
            {
                var datagram = await socket.ReceiveAsync();
                Senders.Enqueue(datagram.RemoteEndPoint);
                await socket.SendAsync(datagram.Buffer, datagram.RemoteEndPoint);
            }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { }
        }
    }

    public void Dispose() => socket.Dispose();
}

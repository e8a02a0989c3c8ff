using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Udp;

/// <summary>
/// Receives on one published UDP socket and relays each client's datagrams through that client's flow. Flows idle
/// longer than the configured timeout are closed; the next datagram from that client opens a new one.
/// </summary>
sealed class UdpForwarder : IAsyncDisposable
{
    readonly Socket published;
    readonly IPEndPoint target;
    readonly TimeSpan idleTimeout;
    readonly Dictionary<EndPoint, UdpFlow> flows = new();
    readonly CancellationTokenSource stop = new();
    readonly Task receiving, sweeping;

    public UdpForwarder(Socket published, IPEndPoint target, PortPublisherOptions options)
    {
        (this.published, this.target, idleTimeout) = (published, target, options.UdpIdleTimeout);
        receiving = ReceiveAsync();
        sweeping = SweepAsync();
    }

    async Task ReceiveAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65536);
        EndPoint anyone = new IPEndPoint(published.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await published.ReceiveFromAsync(buffer, SocketFlags.None, anyone, stop.Token);
                await FlowFor(received.RemoteEndPoint).SendAsync(buffer.AsMemory(0, received.ReceivedBytes));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { } // a datagram too large or an ICMP error: drop it, keep serving
        }
    }

    UdpFlow FlowFor(EndPoint client)
    {
        lock (flows)
        {
            if (!flows.TryGetValue(client, out var flow)) flows[client] = flow = new UdpFlow(published, client, target);
            return flow;
        }
    }

    async Task SweepAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Max(idleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 10)));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
                lock (flows)
                    foreach (var (client, flow) in flows.Where(f => Environment.TickCount64 - f.Value.LastActive > idleTimeout.TotalMilliseconds).ToList())
                    {
                        flows.Remove(client);
                        flow.Dispose();
                    }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        published.Dispose();
        await Task.WhenAll(receiving, sweeping);
        lock (flows)
        {
            foreach (var flow in flows.Values) flow.Dispose();
            flows.Clear();
        }
        stop.Dispose();
    }
}

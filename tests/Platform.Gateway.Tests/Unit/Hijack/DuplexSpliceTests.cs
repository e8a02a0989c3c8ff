using System.Net;
using System.Net.Sockets;
using Platform.ServiceDefaults.Hijack;
using Xunit;

namespace Platform.Gateway.Tests.Unit.Hijack;

/// <summary>Two real socket connections joined by a splice: a half-close crosses it as a half-close.</summary>
public sealed class DuplexSpliceTests
{
    [Fact]
    public async Task A_half_close_reaches_the_other_side_which_can_still_answer()
    {
        var (client, clientSide) = await ConnectedPairAsync();
        var (serverSide, server) = await ConnectedPairAsync();
        await using var a = new SocketPipe(clientSide);
        await using var b = new SocketPipe(serverSide);
        var splice = DuplexSplice.RunAsync(a, b);

        var request = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        await client.SendAsync(request);
        client.Shutdown(SocketShutdown.Send);
        var received = await ReadToEndAsync(server);            // ends only if the half-close was forwarded
        await server.SendAsync(received.Reverse().ToArray());   // the server can still write after it
        server.Shutdown(SocketShutdown.Both);
        var answer = await ReadToEndAsync(client);
        var result = await splice.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(request, received);
        Assert.Equal(request.Reverse(), answer);
        Assert.Equal((request.Length, request.Length), (result.BytesAToB, result.BytesBToA));
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task A_reset_on_one_side_ends_both_directions()
    {
        var (client, clientSide) = await ConnectedPairAsync();
        var (serverSide, server) = await ConnectedPairAsync();
        var a = new SocketPipe(clientSide);
        var b = new SocketPipe(serverSide);
        var splice = DuplexSplice.RunAsync(a, b);

        client.LingerState = new LingerOption(true, 0);
        client.Close();   // RST

        var result = await splice.WaitAsync(TimeSpan.FromSeconds(10));
        await a.DisposeAsync();
        await b.DisposeAsync();
        Assert.IsType<SocketException>(result.Error);
        Assert.Empty(await ReadToEndAsync(server).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    static async Task<(Socket Connecting, Socket Accepted)> ConnectedPairAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connecting = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptSocketAsync();
        await connecting.ConnectAsync(listener.LocalEndpoint);
        return (connecting, await accepting);
    }

    static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            for (int read; (read = await socket.ReceiveAsync(buffer)) > 0;) all.Write(buffer, 0, read);
        }
        catch (SocketException) { }
        return all.ToArray();
    }
}

using System.Net.Sockets;
using System.Text;

namespace Platform.EndToEnd.Tests.Streams;

/// <summary>
/// The raw-stream path attach and exec use, end to end: client → gateway (unix socket or TCP) → runtime.
/// The runtime's diagnostics echo answers like attach and echoes until the client half-closes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HijackThroughGatewayTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("unix", true)]
    [InlineData("tcp", true)]
    [InlineData("unix", false)]
    public async Task A_hijacked_stream_echoes_every_byte_until_half_close(string endpoint, bool upgrade)
    {
        using var socket = await platform.ConnectAsync(endpoint);
        var payload = new byte[1 << 20];
        new Random(7).NextBytes(payload);
        var head = "POST /v1.51/_platform/echo HTTP/1.1\r\nHost: api.moby.localhost\r\n" +
                   (upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n") + "\r\n";

        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        var sending = Task.Run(async () =>
        {
            for (var at = 0; at < payload.Length; at += 64 * 1024)
                await socket.SendAsync(payload.AsMemory(at, Math.Min(64 * 1024, payload.Length - at)));
            socket.Shutdown(SocketShutdown.Send); // stdin EOF, not a hang-up
        });
        var received = await ReadToEndAsync(socket);
        await sending;

        var text = Encoding.ASCII.GetString(received, 0, Math.Min(received.Length, 512));
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        Assert.StartsWith(upgrade ? "HTTP/1.1 101 UPGRADED\r\n" : "HTTP/1.1 200 OK\r\n", text);
        Assert.Contains("Content-Type: application/vnd.docker.raw-stream\r\n", text[..headEnd]);
        if (upgrade) Assert.Contains("Upgrade: tcp\r\n", text[..headEnd]);
        Assert.DoesNotContain("Content-Length", text[..headEnd]);
        Assert.DoesNotContain("Transfer-Encoding", text[..headEnd]);
        Assert.Equal(payload, received[headEnd..]);
    }

    [Fact]
    public async Task Attach_to_an_unknown_container_is_a_json_404_before_any_stream()
    {
        using var socket = await platform.ConnectAsync("unix");
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            "POST /v1.51/containers/nope/attach?stream=1&stdout=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"));
        var text = Encoding.UTF8.GetString(await ReadToEndAsync(socket));

        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", text);
        Assert.Contains("Content-Type: application/json\r\n", text);
        Assert.EndsWith("{\"message\":\"No such container: nope\"}\n", text);
    }

    static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int n;
        while ((n = await socket.ReceiveAsync(chunk, SocketFlags.None, timeout.Token)) > 0) buffer.Write(chunk, 0, n);
        return buffer.ToArray();
    }
}

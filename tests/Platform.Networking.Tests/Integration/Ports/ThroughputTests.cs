using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.Networking.Ports;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class ThroughputTests(ITestOutputHelper output) : PublisherTest
{
    const long Total = 256L * 1024 * 1024;

    [Fact]
    public async Task Pushes_256_MiB_through_a_published_port_and_reports_the_rate()
    {
        using var container = new TcpContainer(async socket =>
        {
            var buffer = new byte[1024 * 1024];
            long count = 0;
            int read;
            while ((read = await socket.ReceiveAsync(buffer.AsMemory())) > 0) count += read;
            var answer = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(answer, count);
            await socket.SendAsync(answer.AsMemory());
        });
        var published = Assert.Single(await PublishAsync(new PortRequest("tcp", "127.0.0.1", 0, IPAddress.Loopback, container.Port)));

        await PushAsync(container.Port, Total / 8); // warm up the JIT and the sockets
        var direct = await PushAsync(container.Port);
        var proxied = await PushAsync(published.HostPort);

        output.WriteLine($"256 MiB straight to the container: {Rate(direct)}; through the published port: {Rate(proxied)}");
    }

    static string Rate(TimeSpan elapsed) => $"{elapsed.TotalSeconds:F2} s, {Total / 1e6 / elapsed.TotalSeconds:F0} MB/s";

    static async Task<TimeSpan> PushAsync(int port, long total = Total)
    {
        using var client = await Loopback.ConnectAsync(IPAddress.Loopback, port);
        var chunk = new byte[1024 * 1024];
        Random.Shared.NextBytes(chunk);
        var clock = Stopwatch.StartNew();
        for (long sent = 0; sent < total; sent += chunk.Length) await client.SendAsync(chunk.AsMemory());
        client.Shutdown(SocketShutdown.Send);
        var answer = new byte[8];
        for (var got = 0; got < 8;) got += await client.ReceiveAsync(answer.AsMemory(got));
        clock.Stop();
        Assert.Equal(total, BinaryPrimitives.ReadInt64LittleEndian(answer));
        return clock.Elapsed;
    }
}

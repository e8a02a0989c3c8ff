using System.Text;
using Platform.Gateway.Tests.Integration.Support;
using Xunit;

namespace Platform.Gateway.Tests.Integration;

public sealed class HijackGateway : IAsyncLifetime
{
    public FakeRuntime Runtime { get; } = new();
    public GatewayProcess Gateway { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Gateway = await GatewayProcess.StartAsync(new Dictionary<string, string> { ["runtime"] = Runtime.Address });

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}

/// <summary>Attach and exec start take over their connection; the gateway splices it to the runtime byte for byte.</summary>
public sealed class HijackTests(HijackGateway fixture) : IClassFixture<HijackGateway>
{
    const string EchoRequest =
        "POST /v1.51/_platform/echo HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";

    [Theory]
    [InlineData(Listener.UnixSocket, 11)]
    [InlineData(Listener.Tcp, 11)]
    [InlineData(Listener.UnixSocket, 1024 * 1024)]
    [InlineData(Listener.Tcp, 1024 * 1024)]
    public async Task Echo_returns_every_byte_in_order_and_ends_after_the_client_half_closes(Listener listener, int size)
    {
        var payload = Enumerable.Range(0, size).Select(i => (byte)(i * 31 % 253)).ToArray();
        await using var client = await RawClient.ConnectAsync(fixture.Gateway, listener);

        await client.SendAsync(EchoRequest);
        Assert.Equal(FakeRuntime.UpgradedRawHead, await client.ReadHeadAsync());
        var echo = client.ReadToEndAsync();
        foreach (var piece in payload.Chunk(64 * 1024)) await client.SendAsync(piece);
        client.ShutdownSend();

        Assert.Equal(payload, await echo.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(Listener.UnixSocket)]
    [InlineData(Listener.Tcp)]
    public async Task Exec_start_with_upgrade_and_a_json_body_reaches_the_runtime_intact(Listener listener)
    {
        var id = $"exec{listener}";
        const string body = "{\"Detach\":false,\"Tty\":false}";
        var request = $"POST /v1.44/exec/{id}/start HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: Upgrade\r\n" +
                      $"Upgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        await using var client = await RawClient.ConnectAsync(fixture.Gateway, listener);

        await client.SendAsync(request);

        Assert.Equal(FakeRuntime.UpgradedMultiplexedHead, await client.ReadHeadAsync());
        Assert.Equal("ran:" + body, Encoding.Latin1.GetString(await client.ReadToEndAsync()));
        var received = fixture.Runtime.Received[id];
        Assert.Equal(request[..^body.Length], received.Head);
        Assert.Equal(body, Encoding.Latin1.GetString(received.Body));
    }

    [Theory]
    [InlineData(Listener.UnixSocket)]
    [InlineData(Listener.Tcp)]
    public async Task Attach_without_upgrade_like_DockerDotNet_3_125_passes_the_raw_stream_through(Listener listener)
    {
        var id = $"attach{listener}";
        var request = $"POST /containers/{id}/attach?stream=1&stdout=1&stderr=1 HTTP/1.1\r\nHost: docker.sock\r\n" +
                      "Connection: close\r\n\r\n";
        await using var client = await RawClient.ConnectAsync(fixture.Gateway, listener);

        await client.SendAsync(request);

        Assert.Equal(FakeRuntime.RawStreamOkHead, await client.ReadHeadAsync());
        Assert.Equal(FakeRuntime.AttachOutput, await client.ReadToEndAsync());
        Assert.Equal(request, fixture.Runtime.Received[id].Head);
    }

    [Fact]
    public async Task Ordinary_requests_on_the_hijack_aware_listener_keep_alive_and_carry_chunked_bodies()
    {
        await using var client = await RawClient.ConnectAsync(fixture.Gateway, Listener.Tcp);

        await client.SendAsync("GET /v1.51/nope HTTP/1.1\r\nHost: x\r\n\r\n");
        var first = await client.ReadHeadAsync();
        await client.ReadExactlyAsync(ContentLength(first));
        await client.SendAsync("POST /v1.51/nope HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n");
        var second = await client.ReadHeadAsync();
        var body = await client.ReadExactlyAsync(ContentLength(second));

        Assert.StartsWith("HTTP/1.1 404 ", first);
        Assert.StartsWith("HTTP/1.1 404 ", second);
        Assert.Equal("{\"message\":\"page not found\"}\n", Encoding.UTF8.GetString(body));
    }

    static int ContentLength(string head) => int.Parse(head.Split("\r\n")
        .Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim());
}

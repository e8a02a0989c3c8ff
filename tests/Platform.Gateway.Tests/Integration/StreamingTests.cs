using System.Diagnostics;
using System.Text;
using Platform.Gateway.Tests.Integration.Support;
using Xunit;

namespace Platform.Gateway.Tests.Integration;

/// <summary>A gateway with a runtime backend; the images cluster points at a port nobody listens on.</summary>
public sealed class StreamingGateway : IAsyncLifetime
{
    FakeBackend _runtime = null!;
    public GatewayProcess Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _runtime = await FakeBackend.StartAsync("runtime");
        Gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["runtime"] = _runtime.Address,
            ["images"] = $"http://127.0.0.1:{GatewayProcess.FreePort()}",
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _runtime.DisposeAsync();
    }
}

/// <summary>Long-lived streams: headers go out at once, quiet gaps do not end the stream.</summary>
public sealed class StreamingTests(StreamingGateway fixture) : IClassFixture<StreamingGateway>
{
    [Fact]
    public async Task A_service_that_cannot_be_reached_is_a_docker_error()
    {
        using var client = new HttpClient();

        var response = await client.GetAsync($"http://127.0.0.1:{fixture.Gateway.TcpPort}/v1.51/images/json");

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.StartsWith("{\"message\":\"images is unavailable (Request: Connection refused", await response.Content.ReadAsStringAsync());
        Assert.Equal("1.51", response.Headers.GetValues("Api-Version").Single());
    }

    [Fact]
    public async Task Wait_headers_arrive_at_once_chunks_as_they_come_and_idle_gaps_do_not_end_the_stream()
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        (await client.GetAsync($"http://127.0.0.1:{fixture.Gateway.TcpPort}/_ping")).EnsureSuccessStatusCode();   // warm: time the stream, not JIT
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"http://127.0.0.1:{fixture.Gateway.TcpPort}/v1.51/containers/4f1c/wait?condition=removed");
        var clock = Stopwatch.StartNew();

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = clock.Elapsed;
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[FakeBackend.FirstChunk.Length];
        await body.ReadExactlyAsync(first);
        var firstChunkAfter = clock.Elapsed;
        var rest = await new StreamReader(body).ReadToEndAsync();
        var endAfter = clock.Elapsed;

        // the backend flushes its headers, then is silent for 3 s before each of two chunks
        Assert.True(headersAfter < FakeBackend.StreamGap / 2, $"headers took {headersAfter}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(FakeBackend.FirstChunk, Encoding.UTF8.GetString(first));
        Assert.InRange(firstChunkAfter, FakeBackend.StreamGap * 0.9, FakeBackend.StreamGap * 1.9);   // not held back until the end
        Assert.Equal(FakeBackend.SecondChunk, rest);
        Assert.True(endAfter >= FakeBackend.StreamGap * 1.9, $"stream ended after {endAfter}");
    }
}

using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Platform.Gateway.Tests.Integration.Support;
using Xunit;

namespace Platform.Gateway.Tests.Integration;

public sealed class RoutingGateway : IAsyncLifetime
{
    public static readonly string[] Clusters = ["runtime", "images", "networking", "build", "registry", "events"];

    readonly List<FakeBackend> _backends = [];
    public GatewayProcess Gateway { get; private set; } = null!;
    public HttpClient Tcp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var cluster in Clusters) _backends.Add(await FakeBackend.StartAsync(cluster));
        Gateway = await GatewayProcess.StartAsync(_backends.ToDictionary(b => b.Name, b => b.Address));
        Tcp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Gateway.TcpPort}") };
    }

    public async Task DisposeAsync()
    {
        Tcp.Dispose();
        await Gateway.DisposeAsync();
        foreach (var backend in _backends) await backend.DisposeAsync();
    }
}

/// <summary>The routing table: every area reaches its service, with and without the API version prefix.</summary>
public sealed class RoutingTests(RoutingGateway fixture) : IClassFixture<RoutingGateway>
{
    [Theory]
    [InlineData("/_ping", "runtime")]
    [InlineData("/v1.51/_ping", "runtime")]
    [InlineData("/v1.44/containers/json?all=1&filters=%7B%22label%22%3A%7B%22a%3Db%22%3Atrue%7D%7D", "runtime")]
    [InlineData("/containers/4f1c/logs?follow=1&stdout=1", "runtime")]
    [InlineData("/v1.44/exec/abc/json", "runtime")]
    [InlineData("/volumes", "runtime")]
    [InlineData("/v1.51/volumes/data", "runtime")]
    [InlineData("/version", "runtime")]
    [InlineData("/v1.51/info", "runtime")]
    [InlineData("/system/df", "runtime")]
    [InlineData("/images/localhost:5000/app:1/json", "images")]
    [InlineData("/v1.44/images/testcontainers/ryuk:0.14.0@sha256:7c1a/json", "images")]
    [InlineData("/v1.51/commit?container=4f1c&repo=app", "images")]
    [InlineData("/auth", "images")]
    [InlineData("/v1.51/distribution/busybox:latest/json", "images")]
    [InlineData("/build?t=app:1", "build")]
    [InlineData("/v1.51/build", "build")]
    [InlineData("/networks", "networking")]
    [InlineData("/v1.51/networks/bridge", "networking")]
    [InlineData("/networks/create", "networking")]
    [InlineData("/networks/app-net/connect", "runtime")]
    [InlineData("/v1.51/networks/4f1c/disconnect", "runtime")]
    [InlineData("/events?since=1", "events")]
    [InlineData("/v1.51/events", "events")]
    [InlineData("/v2/", "registry")]
    [InlineData("/v2/containers/app/manifests/latest", "registry")]
    [InlineData("/api/v1/users/me", "registry")]
    [InlineData("/api/v1/teams", "registry")]
    [InlineData("/api/v1/namespaces/acme", "registry")]
    [InlineData("/api/v1/search?q=app", "registry")]
    [InlineData("/api/v1/fleet/hosts", "events")]
    [InlineData("/api/v1/subscriptions", "events")]
    [InlineData("/api/v1/runtime/phases", "runtime")]
    [InlineData("/ui/", "events")]
    [InlineData("/ui/hosts/h1", "events")]
    public async Task Each_area_reaches_its_service_with_the_path_unchanged(string target, string cluster)
    {
        var response = await fixture.Tcp.GetAsync(target);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cluster, response.Headers.GetValues("X-Backend").Single());
        Assert.Equal($"GET {target}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/v1.51/nope")]
    [InlineData("/containersx/json")]
    [InlineData("/v1.51")]
    [InlineData("/swarm")]
    public async Task An_unknown_path_is_a_docker_404(string target)
    {
        var response = await fixture.Tcp.PostAsync(target, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("{\"message\":\"page not found\"}\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("1.51", response.Headers.GetValues("Api-Version").Single());
        Assert.Equal("linux", response.Headers.GetValues("Ostype").Single());
        Assert.DoesNotContain("Kestrel", response.Headers.Server.ToString());
    }

    [Fact]
    public async Task Proxied_responses_keep_the_backend_headers_and_get_none_of_the_gateway()
    {
        var response = await fixture.Tcp.GetAsync("/v1.51/_ping");

        Assert.Equal("1.51", response.Headers.GetValues("Api-Version").Single());
        Assert.Equal("Backend/runtime", response.Headers.Server.ToString());
        Assert.False(response.Headers.Contains("Ostype"));
    }

    [Fact, SupportedOSPlatform("linux")]
    public async Task The_unix_socket_serves_the_same_routes()
    {
        using var client = fixture.Gateway.UnixSocketClient();

        var response = await client.GetAsync("/v1.44/containers/json");

        Assert.Equal("runtime", response.Headers.GetValues("X-Backend").Single());
        Assert.Equal("GET /v1.44/containers/json", await response.Content.ReadAsStringAsync());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(fixture.Gateway.SocketPath));
    }

    [Fact]
    public async Task A_bodyless_post_with_connection_close_like_DockerDotNet_works()
    {
        await using var client = await RawClient.ConnectTcpAsync(fixture.Gateway.TcpPort);

        await client.SendAsync("POST /containers/4f1c/start HTTP/1.1\r\nHost: docker.sock\r\nConnection: close\r\n\r\n");

        var head = await client.ReadHeadAsync();
        var body = System.Text.Encoding.Latin1.GetString(await client.ReadToEndAsync());   // the gateway closes, as asked
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
        Assert.Contains("X-Backend: runtime\r\n", head);
        Assert.Contains("POST /containers/4f1c/start", body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_large_upload_arrives_whole_with_content_length_or_chunked(bool chunked)
    {
        var context = RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(context)) : new ByteArrayContent(context);

        var response = await fixture.Tcp.PostAsync("/v1.51/build?t=app:1", content);

        Assert.Equal($"{context.Length} {Convert.ToHexString(SHA256.HashData(context))}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_registry_listener_serves_only_the_distribution_api()
    {
        var registry = new Uri($"http://127.0.0.1:{fixture.Gateway.RegistryPort}");

        var v2 = await fixture.Tcp.GetAsync(new Uri(registry, "/v2/app/tags/list"));
        var ping = await fixture.Tcp.GetAsync(new Uri(registry, "/_ping"));

        Assert.Equal("registry", v2.Headers.GetValues("X-Backend").Single());
        Assert.Equal(HttpStatusCode.NotFound, ping.StatusCode);
    }

    /// <summary>Hides the length so HttpClient sends Transfer-Encoding: chunked.</summary>
    sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

using Docker.DotNet;

namespace Platform.EndToEnd.Tests.System;

[Collection(PlatformCollection.Name)]
public sealed class DockerDotNetSystemTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("unix", null)]
    [InlineData("tcp", null)]
    [InlineData("unix", "1.44")]
    public async Task Ping_and_version_work_unmodified(string endpoint, string? apiVersion)
    {
        using var configuration = new DockerClientConfiguration(new Uri(platform.DockerHost(endpoint)));
        using var client = configuration.CreateClient(apiVersion is null ? null : Version.Parse(apiVersion));

        await client.System.PingAsync();
        var version = await client.System.GetVersionAsync();
        var info = await client.System.GetSystemInfoAsync();

        Assert.Equal("1.51", version.APIVersion);
        Assert.Equal("linux", version.Os);
        Assert.Equal(platform.HostId, info.ID);
        Assert.Equal("https://index.docker.io/v1/", info.IndexServerAddress);
    }

    [Fact]
    public async Task An_unknown_path_is_dockers_404()
    {
        using var http = platform.CreateHttpClient();
        var response = await http.GetAsync("/v1.51/no/such/route");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("{\"message\":\"page not found\"}", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Ping_carries_the_headers_clients_negotiate_from()
    {
        using var http = platform.CreateHttpClient();
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"));

        Assert.Equal(200, (int)head.StatusCode);
        Assert.Equal("1.51", head.Headers.GetValues("Api-Version").Single());
        Assert.Equal("linux", head.Headers.GetValues("Ostype").Single());
        Assert.Equal("false", head.Headers.GetValues("Docker-Experimental").Single());
        Assert.Equal("inactive", head.Headers.GetValues("Swarm").Single());
    }
}

using DotNet.Testcontainers.Builders;

namespace Platform.Testcontainers.Tests.Networking;

/// <summary>Testcontainers for .NET 4.16, unmodified: mapped ports with an HTTP wait strategy, networks with aliases.</summary>
[Collection(TestcontainersCollection.Name)]
public sealed class NetworkTests(TestcontainersPlatform fixture)
{
    static ContainerBuilder Web(string text) => new ContainerBuilder(PlatformFixture.Busybox)
        .WithCommand("sh", "-c", $"mkdir -p /www && echo {text} > /www/index.html && exec httpd -f -p 8080 -h /www");

    [Fact]
    public async Task A_random_host_port_serves_the_container_once_the_http_wait_strategy_passes()
    {
        await using var container = Web("mapped")
            .WithPortBinding(8080, true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(8080).ForPath("/")))
            .Build();
        await container.StartAsync();

        using var http = new HttpClient();
        var body = await http.GetStringAsync($"http://{container.Hostname}:{container.GetMappedPublicPort(8080)}/");

        Assert.Equal("mapped\n", body);
        Assert.NotEqual(8080, container.GetMappedPublicPort(8080));
        Assert.False(string.IsNullOrEmpty(container.IpAddress));
    }

    [Fact]
    public async Task Containers_on_a_network_find_each_other_by_alias()
    {
        await using var network = new NetworkBuilder().Build();
        await network.CreateAsync();
        await using var server = Web("aliased").WithNetwork(network).WithNetworkAliases("backend").Build();
        await using var client = new ContainerBuilder(PlatformFixture.Busybox).WithCommand("sleep", "300").WithNetwork(network).Build();
        await server.StartAsync();
        await client.StartAsync();

        var fetched = await client.ExecAsync(["timeout", "5", "wget", "-q", "-O-", "http://backend:8080/"]);

        Assert.Equal(0, fetched.ExitCode);
        Assert.Equal("aliased\n", fetched.Stdout);
        Assert.Equal(server.IpAddress, (await client.ExecAsync(["sh", "-c", "nslookup backend | awk '/^Address/ && !/:53$/ {print $NF}' | tail -1"])).Stdout.Trim());
        _ = fixture;
    }
}

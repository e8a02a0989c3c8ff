using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Networking;

/// <summary>docker network and the network modes of docker run, with the real CLI: names, isolation, none, host.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NetworkTests(PlatformFixture platform) : IAsyncLifetime
{
    readonly List<string> _containers = [];
    readonly List<string> _networks = [];

    string Host => platform.DockerHost("unix");

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    async Task<string> NetworkAsync(params string[] options)
    {
        var name = NewName("net");
        _networks.Add(name);
        await DockerCli.SucceedAsync(Host, ["network", "create", .. options, name]);
        return name;
    }

    async Task<string> WebAsync(string network, params string[] options)
    {
        var name = NewName("web");
        _containers.Add(name);
        await DockerCli.SucceedAsync(Host, ["run", "-d", "--name", name, "--network", network, .. options, PlatformFixture.Busybox,
            "sh", "-c", $"mkdir -p /www && echo hello from {name} > /www/index.html && exec httpd -f -p 8080 -h /www"]);
        return name;
    }

    // Debian's busybox-static wget crashes on -T, so timeout bounds the fetch instead.
    // --init: as PID 1, wget would ignore the SIGTERM of timeout (busybox's timeout execs the command in its own
    // place), so a fetch that hangs (a name nobody answers) would last as long as the resolver's own retries.
    Task<DockerCli.Result> FetchAsync(string network, string url) =>
        DockerCli.RunAsync(Host, "run", "--rm", "--init", "--network", network, PlatformFixture.Busybox, "timeout", "5", "wget", "-q", "-O-", url);

    [Fact]
    public async Task Containers_on_a_user_network_reach_each_other_by_name_alias_and_short_id()
    {
        var network = await NetworkAsync();
        var web = await WebAsync(network, "--network-alias", "www");
        var id = (await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.Id}}", web)).Stdout.Trim();

        var byName = await FetchAsync(network, $"http://{web}:8080/");
        var byAlias = await FetchAsync(network, "http://www:8080/");
        var byShortId = await FetchAsync(network, $"http://{id[..12]}:8080/");

        Assert.Equal($"hello from {web}\n", byName.Stdout);
        Assert.Equal($"hello from {web}\n", byAlias.Stdout);
        Assert.Equal($"hello from {web}\n", byShortId.Stdout);
    }

    [Fact]
    public async Task A_name_stops_resolving_once_its_container_is_removed_and_a_later_container_is_found()
    {
        var network = await NetworkAsync();
        var first = await WebAsync(network);
        var before = await FetchAsync(network, $"http://{first}:8080/");

        await DockerCli.SucceedAsync(Host, "rm", "-f", first);
        var gone = await DockerCli.RunAsync(Host, "run", "--rm", "--network", network, PlatformFixture.Busybox, "nslookup", first);
        var later = await WebAsync(network);
        var found = await FetchAsync(network, $"http://{later}:8080/");

        Assert.Equal($"hello from {first}\n", before.Stdout);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Equal($"hello from {later}\n", found.Stdout);
    }

    [Fact]
    public async Task A_container_sharing_another_s_namespace_reaches_it_on_localhost()
    {
        var web = await WebAsync("bridge");

        var fetched = await DockerCli.RunAsync(Host, "run", "--rm", "--init", "--network", $"container:{web}", PlatformFixture.Busybox,
            "timeout", "5", "wget", "-q", "-O-", "http://127.0.0.1:8080/");
        var interfaces = await DockerCli.SucceedAsync(Host, "run", "--rm", "--network", $"container:{web}", PlatformFixture.Busybox, "ls", "/sys/class/net");

        Assert.Equal($"hello from {web}\n", fetched.Stdout);
        Assert.Equal(["eth0", "lo"], interfaces.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Containers_on_different_networks_do_not_reach_each_other()
    {
        var network = await NetworkAsync();
        var other = await NetworkAsync();
        var web = await WebAsync(network);
        var address = (await DockerCli.SucceedAsync(Host, "inspect", "--format", $"{{{{(index .NetworkSettings.Networks \"{network}\").IPAddress}}}}", web)).Stdout.Trim();

        var same = await FetchAsync(network, $"http://{address}:8080/");
        var across = await FetchAsync(other, $"http://{address}:8080/");
        var byName = await FetchAsync(other, $"http://{web}:8080/");

        Assert.Equal(0, same.ExitCode);
        Assert.NotEqual(0, across.ExitCode);
        Assert.NotEqual(0, byName.ExitCode); // its name is not known on the other network
    }

    [Fact]
    public async Task Inspect_shows_the_network_and_the_container_on_it_as_docker_does()
    {
        var network = await NetworkAsync("--subnet", "10.199.7.0/24", "--gateway", "10.199.7.1", "--label", "team=net");
        var web = await WebAsync(network, "--ip", "10.199.7.50");

        var settings = (await DockerCli.SucceedAsync(Host, "inspect", "--format",
            $"{{{{with index .NetworkSettings.Networks \"{network}\"}}}}{{{{.IPAddress}}}}/{{{{.IPPrefixLen}}}} {{{{.Gateway}}}} {{{{.MacAddress}}}}{{{{end}}}}", web)).Stdout.Trim();
        using var inspect = JsonDocument.Parse((await DockerCli.SucceedAsync(Host, "network", "inspect", network)).Stdout);
        var n = inspect.RootElement[0];

        Assert.Equal("10.199.7.50/24 10.199.7.1 02:42:0a:c7:07:32", settings);
        Assert.Equal(network, n.GetProperty("Name").GetString());
        Assert.Equal("bridge", n.GetProperty("Driver").GetString());
        Assert.Equal("10.199.7.0/24", n.GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString());
        Assert.Equal("net", n.GetProperty("Labels").GetProperty("team").GetString());
        Assert.True(DateTimeOffset.TryParse(n.GetProperty("Created").GetString(), out _));
        var member = n.GetProperty("Containers").EnumerateObject().Single().Value;
        Assert.Equal(web, member.GetProperty("Name").GetString());
        Assert.Equal("10.199.7.50/24", member.GetProperty("IPv4Address").GetString());
    }

    [Fact]
    public async Task None_has_only_loopback_and_host_sees_the_host_interfaces()
    {
        var none = await DockerCli.SucceedAsync(Host, "run", "--rm", "--network", "none", PlatformFixture.Busybox, "ls", "/sys/class/net");
        var before = HostInterfaces();
        var host = await DockerCli.SucceedAsync(Host, "run", "--rm", "--network", "host", PlatformFixture.Busybox, "ls", "/sys/class/net");
        var after = HostInterfaces();
        var bridge = await DockerCli.SucceedAsync(Host, "run", "--rm", PlatformFixture.Busybox, "ls", "/sys/class/net");

        Assert.Equal("lo", none.Stdout.Trim());
        // Other platforms on this machine (the outage tests') add and remove bridges meanwhile: the container sees
        // every interface the host had throughout, and none the host never had.
        var seen = host.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.Superset(before.Intersect(after).ToHashSet(), seen);
        Assert.Subset(before.Union(after).ToHashSet(), seen);
        Assert.Equal(["eth0", "lo"], bridge.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    static string[] HostInterfaces() => [.. Directory.GetFileSystemEntries("/sys/class/net").Select(p => Path.GetFileName(p))];

    [Fact]
    public async Task Connect_and_disconnect_change_a_running_container_s_interfaces()
    {
        var first = await NetworkAsync();
        var second = await NetworkAsync();
        var web = await WebAsync(first);

        await DockerCli.SucceedAsync(Host, "network", "connect", "--alias", "second-web", second, web);
        var connected = await DockerCli.SucceedAsync(Host, "exec", web, "ls", "/sys/class/net");
        var reached = await FetchAsync(second, "http://second-web:8080/");
        await DockerCli.SucceedAsync(Host, "network", "disconnect", second, web);
        var disconnected = await DockerCli.SucceedAsync(Host, "exec", web, "ls", "/sys/class/net");
        var networks = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", web);

        Assert.Contains("eth1", connected.Stdout);
        Assert.Equal($"hello from {web}\n", reached.Stdout);
        Assert.DoesNotContain("eth1", disconnected.Stdout);
        Assert.Equal(first, networks.Stdout.Trim());
    }

    [Fact]
    public async Task Published_ports_serve_from_the_host_and_docker_port_reports_them()
    {
        var fixedPort = FreePort();
        var web = await WebAsync("bridge", "-p", $"127.0.0.1:{fixedPort}:8080", "-p", "127.0.0.1::8080");

        var ports = (await DockerCli.SucceedAsync(Host, "port", web)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var random = int.Parse(ports.Single(p => !p.EndsWith($":{fixedPort}", StringComparison.Ordinal)).Split(':').Last());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var viaFixed = await GetAsync(http, $"http://127.0.0.1:{fixedPort}/");
        var viaRandom = await GetAsync(http, $"http://127.0.0.1:{random}/");

        Assert.Equal(2, ports.Length);
        Assert.Contains($"8080/tcp -> 127.0.0.1:{fixedPort}", ports);
        Assert.Contains($"8080/tcp -> 127.0.0.1:{random}", ports);
        Assert.Equal($"hello from {web}\n", viaFixed);
        Assert.Equal($"hello from {web}\n", viaRandom);
        await DockerCli.SucceedAsync(Host, "stop", "-t", "1", web);
        Assert.True(PortIsFree(fixedPort), "the host port is freed when the container stops");
    }

    [Fact]
    public async Task Publish_all_maps_every_exposed_port_to_a_random_host_port()
    {
        var web = await WebAsync("bridge", "--expose", "8080", "-P");

        var inspect = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{json .NetworkSettings.Ports}}", web);
        using var ports = JsonDocument.Parse(inspect.Stdout);
        var bindings = ports.RootElement.GetProperty("8080/tcp").EnumerateArray().ToList();
        var port = int.Parse(bindings[0].GetProperty("HostPort").GetString()!);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        Assert.InRange(port, 32768, 60999);
        Assert.All(bindings, b => Assert.Equal(port.ToString(), b.GetProperty("HostPort").GetString()));
        Assert.Equal($"hello from {web}\n", await GetAsync(http, $"http://127.0.0.1:{port}/"));
    }

    [Fact]
    public async Task An_internal_network_connects_its_containers_but_has_no_route_out()
    {
        var network = await NetworkAsync("--internal");
        var web = await WebAsync(network);

        var routes = await DockerCli.SucceedAsync(Host, "run", "--rm", "--network", network, PlatformFixture.Busybox, "ip", "route");
        var fetched = await FetchAsync(network, $"http://{web}:8080/");

        Assert.DoesNotContain("default", routes.Stdout);
        Assert.Equal($"hello from {web}\n", fetched.Stdout);
    }

    [Fact]
    public async Task Legacy_links_on_the_default_bridge_resolve_through_etc_hosts()
    {
        var web = await WebAsync("bridge");

        var fetched = await DockerCli.RunAsync(Host, "run", "--rm", "--init", "--link", $"{web}:backend", PlatformFixture.Busybox,
            "timeout", "5", "wget", "-q", "-O-", "http://backend:8080/");

        Assert.Equal($"hello from {web}\n", fetched.Stdout);
    }

    /// <summary>The body once httpd listens (the port is published before the container's process starts).</summary>
    static async Task<string> GetAsync(HttpClient http, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    static bool PortIsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_containers.Count > 0) await DockerCli.RunAsync(Host, ["rm", "-f", .. _containers]);
        foreach (var network in _networks) await DockerCli.RunAsync(Host, "network", "rm", network);
    }
}

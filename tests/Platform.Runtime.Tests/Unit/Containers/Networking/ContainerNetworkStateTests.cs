using Platform.Runtime.Containers.Inspecting;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Networking;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Unit.Containers.Networking;

/// <summary>Given journaled network facts, NetworkSettings and the ports to publish are what clients read.</summary>
public sealed class ContainerNetworkStateTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    const string Id = "c0ffee0000000000000000000000000000000000000000000000000000000002";

    static readonly AttachedEndpoint OnApp = new("app", "n1", "e1", "172.18.0.2", 16, "172.18.0.1", "02:42:ac:12:00:02", ["www"], ["web", "www", Id[..12]]);
    static readonly AttachedEndpoint OnBack = new("back", "n2", "e2", "172.19.0.2", 16, "172.19.0.1", "02:42:ac:13:00:02", null, null);

    static Container Given(HostConfig host, ContainerConfig? config, params ContainerEvent[] facts)
    {
        var created = new ContainerCreated(Id, "/web", "sha256:abc", config ?? new ContainerConfig { Image = "busybox" }, host, "sh", [],
            new RootfsPlan("overlay", [], null), [], T0)
        {
            Networks = host.NetworkMode is "app" ? new() { ["app"] = new NetworkEndpointConfig(["www"], null, null, null) } : null,
        };
        return facts.Aggregate(Container.Create(created), (c, e) => c.Apply(e));
    }

    static ContainerNetworkAttached Attached(params AttachedEndpoint[] endpoints) =>
        new(Id, new ContainerNetworkState("/run/netns/x", [.. endpoints], [new PublishedPort("tcp", 80, "0.0.0.0", 32768), new PublishedPort("tcp", 80, "::", 32768)], []), T0);

    [Fact]
    public void A_created_container_lists_its_network_empty_and_its_exposed_ports_unbound()
    {
        var c = Given(new HostConfig { NetworkMode = "app" }, new ContainerConfig { Image = "busybox", ExposedPorts = new() { ["80/tcp"] = new() } });

        var settings = ContainerNetworkSettings.Of(c);

        Assert.Equal(["80/tcp"], settings.Ports.Keys);
        Assert.Null(settings.Ports["80/tcp"]);
        Assert.Equal("", settings.Networks["app"].IPAddress);
        Assert.Equal(["www"], settings.Networks["app"].Aliases!);
    }

    [Fact]
    public void A_running_container_shows_its_endpoint_and_both_bindings_of_a_published_port()
    {
        var c = Given(new HostConfig { NetworkMode = "app", PortBindings = new() { ["80/tcp"] = [new PortBinding()] } }, null, Attached(OnApp));

        var settings = ContainerNetworkSettings.Of(c);

        Assert.Equal(("172.18.0.2", 16, "172.18.0.1", "n1"), (settings.Networks["app"].IPAddress, settings.Networks["app"].IPPrefixLen,
            settings.Networks["app"].Gateway, settings.Networks["app"].NetworkID));
        Assert.Equal([new PortBindingJson("0.0.0.0", "32768"), new PortBindingJson("::", "32768")], settings.Ports["80/tcp"]!);
        Assert.Equal("/run/netns/x", settings.SandboxKey);
    }

    [Fact]
    public void Connect_and_disconnect_change_the_networks_and_detach_clears_the_endpoints()
    {
        var c = Given(new HostConfig { NetworkMode = "app" }, null, Attached(OnApp),
            new ContainerConnected(Id, "back", NetworkEndpointConfig.Empty, OnBack, T0));
        var connected = ContainerNetworkSettings.Of(c);
        var disconnected = c.Apply(new ContainerDisconnected(Id, "app", T0));
        var detached = disconnected.Apply(new ContainerNetworkDetached(Id, T0));

        Assert.Equal(["app", "back"], connected.Networks.Keys.Order());
        Assert.Equal("172.19.0.2", connected.Networks["back"].IPAddress);
        Assert.Equal(["back"], disconnected.Networks.Keys);
        Assert.Equal(["back"], ContainerNetworkSettings.Of(detached).Networks.Keys);
        Assert.Equal("", ContainerNetworkSettings.Of(detached).Networks["back"].IPAddress);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("none")]
    public void Host_and_none_show_one_network_of_their_name(string mode)
    {
        var settings = ContainerNetworkSettings.Of(Given(new HostConfig { NetworkMode = mode }, null));

        Assert.Equal([mode], settings.Networks.Keys);
    }

    [Fact]
    public void Port_bindings_and_publish_all_become_the_requests_for_networking()
    {
        var host = new HostConfig
        {
            NetworkMode = "bridge", PublishAllPorts = true,
            PortBindings = new() { ["8080/tcp"] = [new PortBinding { HostIp = "127.0.0.1", HostPort = "18080" }, new PortBinding()], ["53/udp"] = null },
        };
        var config = new ContainerConfig { Image = "busybox", ExposedPorts = new() { ["8080/tcp"] = new(), ["9000/tcp"] = new() } };

        var requests = PortRequests.For(Given(host, config));

        Assert.Equal(
            [new SandboxPortRequest("tcp", 8080, "127.0.0.1", 18080), new SandboxPortRequest("tcp", 8080, "", 0),
             new SandboxPortRequest("udp", 53, "", 0), new SandboxPortRequest("tcp", 9000, "", 0)],
            requests);
    }

    [Theory]
    [InlineData("80/xyz")]
    [InlineData("0/tcp")]
    [InlineData("http")]
    public void Invalid_port_keys_are_refused(string key) =>
        Assert.Equal(400, Assert.Throws<Platform.ServiceDefaults.DockerApi.DockerApiException>(() => PortRequests.ParseKey(key)).StatusCode);
}

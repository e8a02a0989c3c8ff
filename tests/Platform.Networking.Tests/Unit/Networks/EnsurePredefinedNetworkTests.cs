using Platform.Networking.Networks;
using Platform.Networking.Networks.Predefined;
using Xunit;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class EnsurePredefinedNetworkTests
{
    static readonly IReadOnlyList<EnsurePredefinedNetwork> HostOne = PredefinedNetworks.For("host-1", new DefaultBridgeOptions());

    [Fact]
    public void On_a_new_host_each_predefined_network_is_created_as_Docker_has_it()
    {
        var created = HostOne.Select(c => Assert.IsType<NetworkCreated>(Assert.Single(EnsurePredefinedNetwork.Decide(Given.NoHistory, c, Given.Now)))).ToList();

        Assert.Equal(["bridge", "host", "none"], created.Select(e => e.Name));
        Assert.Equal(["bridge", "host", "null"], created.Select(e => e.Driver));
        Assert.All(created, e => Assert.Equal(("host-1", "local", true, Given.Now), (e.HostId, e.Scope, e.Predefined, e.CreatedAt)));
        var bridge = created[0];
        Assert.Equal(("172.17.0.0/16", "172.17.0.1"), (bridge.Subnet, bridge.Gateway));
        Assert.Equal("true", bridge.Options["com.docker.network.bridge.default_bridge"]);
        Assert.Equal("platform0", bridge.Options["com.docker.network.bridge.name"]);
        Assert.All(created.Skip(1), e => Assert.Equal((null, null), (e.Subnet, e.Gateway)));
    }

    [Fact]
    public void The_default_bridge_s_subnet_and_name_are_configurable_and_its_gateway_is_the_first_host()
    {
        var bridge = PredefinedNetworks.For("host-1", new DefaultBridgeOptions { Name = "pf9", Subnet = "10.77.0.0/20" })[0];

        Assert.Equal(("10.77.0.0/20", "10.77.0.1", "pf9"), (bridge.Subnet, bridge.Gateway, bridge.Options["com.docker.network.bridge.name"]));
    }

    [Fact]
    public void An_invalid_default_bridge_subnet_stops_the_start() =>
        Assert.Throws<InvalidOperationException>(() => PredefinedNetworks.For("host-1", new DefaultBridgeOptions { Subnet = "10.77.0.1/20" }));

    [Fact]
    public void When_the_network_already_exists_nothing_happens()
    {
        var bridge = HostOne[0];
        var existing = Given.Events(Assert.Single(EnsurePredefinedNetwork.Decide(Given.NoHistory, bridge, Given.Now.AddDays(-1))));

        Assert.Empty(EnsurePredefinedNetwork.Decide(existing, bridge, Given.Now));
    }

    [Fact]
    public void Ids_are_64_hex_stable_per_host_and_name_and_differ_between_hosts()
    {
        Assert.All(HostOne, c => Assert.Matches("^[0-9a-f]{64}$", c.NetworkId));
        Assert.Equal(HostOne.Select(c => c.NetworkId), PredefinedNetworks.For("host-1", new DefaultBridgeOptions()).Select(c => c.NetworkId));
        Assert.Equal(3, HostOne.Select(c => c.NetworkId).Distinct().Count());
        Assert.Empty(HostOne.Select(c => c.NetworkId).Intersect(PredefinedNetworks.For("host-2", new DefaultBridgeOptions()).Select(c => c.NetworkId)));
    }
}

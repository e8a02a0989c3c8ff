using Platform.Networking.Endpoints;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Predefined;
using Platform.Networking.Tests.Unit.Networks;
using Xunit;

namespace Platform.Networking.Tests.Unit.Endpoints;

public sealed class JoinEndpointTests
{
    const string EndpointId = "e1";

    static EndpointJoined Join(Network? network, string container = "web", string? address = null, string[]? aliases = null) =>
        Assert.IsType<EndpointJoined>(Assert.Single(JoinEndpoint.Decide(network, new JoinEndpoint(container, "/" + container, aliases, address), EndpointId, Given.Now)));

    static NetworkError Refused(Network? network, string container = "web", string? address = null) =>
        Assert.Throws<NetworkError>(() => JoinEndpoint.Decide(network, new JoinEndpoint(container, container, null, address), EndpointId, Given.Now));

    [Fact]
    public void The_first_container_gets_the_first_address_after_the_gateway_and_a_MAC_from_it()
    {
        var joined = Join(Given.Events(Given.UserNetwork("a1")), aliases: ["api"]);

        Assert.Equal(("a1", "host-1", "backend", EndpointId, "web", "web"), (joined.NetworkId, joined.HostId, joined.NetworkName, joined.EndpointId, joined.ContainerId, joined.ContainerName));
        Assert.Equal(("10.10.0.2", 24, "02:42:0a:0a:00:02", Given.Now), (joined.Address, joined.PrefixLength, joined.MacAddress, joined.JoinedAt));
        Assert.Equal(["api"], joined.Aliases);
    }

    [Fact]
    public void The_next_address_follows_the_most_recently_allocated_even_when_an_earlier_one_is_free()
    {
        var network = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "one", "10.10.0.2"), Given.Joined("a1", "two", "10.10.0.3"),
            new EndpointLeft("a1", "host-1", "backend", "ep-one", "one", Given.Now));

        Assert.Equal("10.10.0.4", Join(network).Address);
    }

    [Fact]
    public void Allocation_wraps_after_the_last_host_address_and_skips_used_gateway_and_auxiliary_addresses()
    {
        var aux = new Dictionary<string, string> { ["router"] = "10.10.0.3" };
        var network = Given.Events(Given.UserNetwork("a1", subnet: "10.10.0.0/29", gateway: "10.10.0.1", aux: aux),
            Given.Joined("a1", "one", "10.10.0.2"), Given.Joined("a1", "last", "10.10.0.6"));

        Assert.Equal("10.10.0.4", Join(network).Address);
    }

    [Fact]
    public void Addresses_come_from_the_IP_range_when_the_network_has_one_starting_at_its_first_address_as_moby_does()
    {
        var network = Given.Events(Given.UserNetwork("a1", subnet: "10.10.0.0/16", gateway: "10.10.0.1", ipRange: "10.10.8.0/24"),
            Given.Joined("a1", "last", "10.10.8.255"));

        Assert.Equal("10.10.8.0", Join(network).Address); // only the subnet's network and broadcast are never handed out
    }

    [Fact]
    public void A_full_network_is_unavailable()
    {
        var network = Given.Events(Given.UserNetwork("a1", subnet: "10.10.0.0/30", gateway: "10.10.0.1"), Given.Joined("a1", "one", "10.10.0.2"));

        var error = Refused(network);

        Assert.Equal((503, "no available IPv4 addresses on network backend (10.10.0.0/30)"), (error.Status, error.Message));
    }

    [Fact]
    public void A_requested_free_address_inside_a_user_subnet_is_given()
    {
        Assert.Equal("10.10.0.200", Join(Given.Events(Given.UserNetwork("a1")), address: "10.10.0.200").Address);
    }

    [Theory]
    [InlineData("10.10.0.2", 409)] // taken
    [InlineData("10.10.0.1", 409)] // the gateway
    [InlineData("10.11.0.5", 400)] // outside
    [InlineData("10.10.0.255", 400)] // broadcast
    [InlineData("not-an-ip", 400)]
    public void A_requested_address_that_is_taken_or_outside_is_refused(string address, int status)
    {
        var network = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "one", "10.10.0.2"));

        var error = Refused(network, address: address);

        Assert.Equal(status, error.Status);
        if (status == 409) Assert.StartsWith("Address already in use", error.Message);
    }

    [Fact]
    public void A_requested_address_on_a_network_whose_subnet_came_from_the_pools_is_refused_as_Docker_refuses_it()
    {
        var error = Refused(Given.Events(Given.UserNetwork("a1", fromPool: true)), address: "10.10.0.9");

        Assert.Equal((400, "user specified IP address is supported only when connecting to networks with user configured subnets"), (error.Status, error.Message));
    }

    [Fact]
    public void A_requested_address_on_the_default_bridge_is_refused()
    {
        var bridge = PredefinedNetworks.For("host-1", new DefaultBridgeOptions())[0];
        var network = Given.Events(EnsurePredefinedNetwork.Decide(Given.NoHistory, bridge, Given.Now).ToArray());

        Assert.Equal(400, Refused(network, address: "172.17.0.9").Status);
        Assert.Equal(("172.17.0.2", 16), (Join(network).Address, Join(network).PrefixLength));
    }

    [Fact]
    public void A_container_already_on_the_network_is_refused_with_moby_s_words()
    {
        var error = Refused(Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "web", "10.10.0.2")));

        Assert.Equal((403, "endpoint with name web already exists in network backend"), (error.Status, error.Message));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Host_and_none_cannot_be_joined_through_an_endpoint(int index)
    {
        var predefined = PredefinedNetworks.For("host-1", new DefaultBridgeOptions())[index];
        var network = Given.Events(EnsurePredefinedNetwork.Decide(Given.NoHistory, predefined, Given.Now).ToArray());

        Assert.Equal(403, Refused(network).Status);
    }

    [Fact]
    public void A_removed_network_cannot_be_joined() =>
        Assert.Equal(404, Refused(Given.Events(Given.UserNetwork("a1"), new NetworkRemoved("a1", "host-1", "backend", "bridge", Given.Now))).Status);
}

using Platform.Networking.Addressing;
using Platform.Networking.Networks;
using Xunit;

namespace Platform.Networking.Tests.Unit.Addressing;

public sealed class IpamTests
{
    static readonly Ipv4Subnet[] None = [];

    static AddressPlan Plan(IpamRequest request, Ipv4Subnet[]? networks = null, Ipv4Subnet[]? routes = null, IReadOnlyList<AddressPool>? pools = null) =>
        Ipam.Plan(request, networks ?? None, routes ?? None, pools ?? AddressPool.Defaults);

    static Ipv4Subnet[] Blocks(params string[] cidrs) => [.. cidrs.Select(Ipv4Subnet.Parse)];

    [Fact]
    public void A_user_subnet_gets_its_first_host_as_gateway_unless_one_is_given()
    {
        Assert.Equal(("10.5.0.0/16", "10.5.0.1", false), (Plan(new("10.5.0.0/16")).Subnet, Plan(new("10.5.0.0/16")).Gateway, Plan(new("10.5.0.0/16")).FromPool));
        Assert.Equal("10.5.9.9", Plan(new("10.5.0.0/16", Gateway: "10.5.9.9")).Gateway);
    }

    [Fact]
    public void Range_and_auxiliary_addresses_inside_the_subnet_are_kept()
    {
        var plan = Plan(new("10.5.0.0/16", "10.5.1.0/24", "10.5.0.254", new Dictionary<string, string> { ["router"] = "10.5.0.2" }));

        Assert.Equal(("10.5.1.0/24", "10.5.0.254", "10.5.0.2"), (plan.IPRange, plan.Gateway, plan.AuxiliaryAddresses["router"]));
    }

    [Theory]
    [InlineData("10.5.0.0/33", null, null, "invalid subnet 10.5.0.0/33: invalid CIDR block notation")]
    [InlineData("10.5.0.1/16", null, null, "invalid subnet 10.5.0.1/16: it should be 10.5.0.0/16")]
    [InlineData("10.5.0.0/16", null, "10.6.0.1", "invalid gateway 10.6.0.1: it must be in subnet 10.5.0.0/16")]
    [InlineData("10.5.0.0/16", null, "nonsense", "invalid gateway nonsense: invalid address")]
    [InlineData("10.5.0.0/16", "10.6.0.0/24", null, "invalid ip-range 10.6.0.0/24: it must be within subnet 10.5.0.0/16")]
    [InlineData("10.5.0.0/16", "10.0.0.0/8", null, "invalid ip-range 10.0.0.0/8: it must be within subnet 10.5.0.0/16")]
    public void Invalid_config_is_a_bad_request_naming_the_field(string subnet, string? range, string? gateway, string reason)
    {
        var error = Assert.Throws<NetworkError>(() => Plan(new(subnet, range, gateway)));

        Assert.Equal((400, "invalid network config:\n" + reason), (error.Status, error.Message));
    }

    [Fact]
    public void An_auxiliary_address_outside_the_subnet_is_a_bad_request() =>
        Assert.Equal(400, Assert.Throws<NetworkError>(() => Plan(new("10.5.0.0/16", AuxiliaryAddresses: new Dictionary<string, string> { ["x"] = "10.9.0.1" }))).Status);

    [Fact]
    public void A_gateway_without_a_subnet_is_a_bad_request() =>
        Assert.Equal(400, Assert.Throws<NetworkError>(() => Plan(new(Gateway: "10.5.0.1"))).Status);

    [Fact]
    public void A_user_subnet_overlapping_another_network_is_forbidden_as_moby_words_it()
    {
        var error = Assert.Throws<NetworkError>(() => Plan(new("10.5.3.0/24"), Blocks("10.5.0.0/16")));

        Assert.Equal((403, "invalid pool request: Pool overlaps with other one on this address space"), (error.Status, error.Message));
    }

    [Fact]
    public void Without_a_subnet_the_first_172_block_is_drawn()
    {
        var plan = Plan(new());

        Assert.Equal(("172.18.0.0/16", "172.18.0.1", true, null), (plan.Subnet, plan.Gateway, plan.FromPool, plan.IPRange));
    }

    [Fact]
    public void Drawing_skips_blocks_other_networks_or_host_routes_use()
    {
        var plan = Plan(new(), networks: Blocks("172.18.0.0/16", "172.20.5.0/24"), routes: Blocks("172.19.0.0/16"));

        Assert.Equal("172.21.0.0/16", plan.Subnet);
    }

    [Fact]
    public void After_the_172_blocks_come_the_192_168_slash_20s()
    {
        var taken = Blocks("172.16.0.0/12", "192.168.0.0/20");

        Assert.Equal("192.168.16.0/20", Plan(new(), taken).Subnet);
    }

    [Fact]
    public void Configured_pools_replace_the_defaults()
    {
        var pools = new[] { new AddressPool { Base = "10.200.0.0/16", Size = 24 } };

        Assert.Equal("10.200.1.0/24", Plan(new(), Blocks("10.200.0.0/24"), pools: pools).Subnet);
    }

    [Fact]
    public void When_every_pool_subnet_is_taken_the_request_is_refused()
    {
        var error = Assert.Throws<NetworkError>(() => Plan(new(), Blocks("172.16.0.0/12", "192.168.0.0/16")));

        Assert.Equal(503, error.Status);
        Assert.Contains("non-overlapping IPv4 address pool", error.Message);
    }
}

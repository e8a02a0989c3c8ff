using Platform.Networking.Bridges;
using Platform.Networking.Networks.Predefined;
using Platform.Networking.Tests.Unit.Networks;
using Xunit;

namespace Platform.Networking.Tests.Unit.Bridges;

public sealed class BridgeNamesTests
{
    const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_user_network_s_bridge_is_pbr_and_11_hex_of_its_id()
    {
        var plan = NetworkPlans.For(Given.Events(Given.UserNetwork(Id))!, "platform0")!;

        Assert.Equal((Id, "pbr-0123456789a", "10.10.0.0/24", "10.10.0.1", false, 1500), (plan.NetworkId, plan.Bridge, plan.Subnet, plan.Gateway, plan.Internal, plan.Mtu));
        Assert.True(plan.Bridge.Length <= 15);
    }

    [Fact]
    public void A_bridge_name_given_in_the_options_is_used()
    {
        var created = Given.UserNetwork(Id) with { Options = new Dictionary<string, string> { [BridgeNames.Option] = "br-front", [NetworkPlans.MtuOption] = "1400" } };

        var plan = NetworkPlans.For(Given.Events(created)!, "platform0")!;

        Assert.Equal(("br-front", 1400), (plan.Bridge, plan.Mtu));
    }

    [Fact]
    public void The_default_bridge_uses_the_configured_name_and_host_and_none_have_no_bridge()
    {
        var predefined = PredefinedNetworks.For("host-1", new DefaultBridgeOptions())
            .Select(c => Given.Events(EnsurePredefinedNetwork.Decide(Given.NoHistory, c, Given.Now).ToArray())!).ToList();

        Assert.Equal("pf0", NetworkPlans.For(predefined[0], "pf0")!.Bridge);
        Assert.Null(NetworkPlans.For(predefined[1], "pf0"));
        Assert.Null(NetworkPlans.For(predefined[2], "pf0"));
    }
}

using Platform.Networking.Networks;
using Platform.Networking.Networks.Predefined;
using Platform.Networking.Networks.Removing;
using Xunit;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class RemoveNetworkTests
{
    [Fact]
    public void A_user_network_is_removed()
    {
        var removed = Assert.IsType<NetworkRemoved>(Assert.Single(RemoveNetwork.Decide(Given.Events(Given.UserNetwork("a1")), new RemoveNetwork("a1"), Given.Now)));

        Assert.Equal(("a1", "host-1", "backend", "bridge", Given.Now), (removed.NetworkId, removed.HostId, removed.Name, removed.Driver, removed.RemovedAt));
    }

    [Fact]
    public void Removing_it_again_is_not_found()
    {
        var history = Given.Events(Given.UserNetwork("a1"), new NetworkRemoved("a1", "host-1", "backend", "bridge", Given.Now.AddMinutes(-1)));

        var error = Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(history, new RemoveNetwork("a1"), Given.Now));

        Assert.Equal((404, "network a1 not found"), (error.Status, error.Message));
    }

    [Fact]
    public void An_unknown_network_is_not_found() =>
        Assert.Equal(404, Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(Given.NoHistory, new RemoveNetwork("zz"), Given.Now)).Status);

    [Fact]
    public void A_predefined_network_cannot_be_removed()
    {
        var bridge = PredefinedNetworks.For("host-1", new DefaultBridgeOptions())[0];
        var history = Given.Events(EnsurePredefinedNetwork.Decide(Given.NoHistory, bridge, Given.Now).ToArray());

        var error = Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(history, new RemoveNetwork(bridge.NetworkId), Given.Now));

        Assert.Equal((403, "bridge is a pre-defined network and cannot be removed"), (error.Status, error.Message));
    }

    [Fact]
    public void A_network_with_live_endpoints_cannot_be_removed_and_names_them()
    {
        var history = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "web", "10.10.0.2"), Given.Joined("a1", "db", "10.10.0.3"));

        var error = Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(history, new RemoveNetwork("a1"), Given.Now));

        Assert.Equal((403, "error while removing network: network backend id a1 has active endpoints (web, db)"), (error.Status, error.Message));
    }

    [Fact]
    public void Once_every_endpoint_left_it_can_be_removed()
    {
        var history = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "web", "10.10.0.2"),
            new EndpointLeft("a1", "host-1", "backend", "ep-web", "web", Given.Now.AddMinutes(-1)));

        Assert.IsType<NetworkRemoved>(Assert.Single(RemoveNetwork.Decide(history, new RemoveNetwork("a1"), Given.Now)));
    }
}

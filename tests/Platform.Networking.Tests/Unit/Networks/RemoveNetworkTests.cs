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

        Assert.Equal(("a1", Given.Now), (removed.NetworkId, removed.RemovedAt));
    }

    [Fact]
    public void Removing_it_again_is_not_found()
    {
        var history = Given.Events(Given.UserNetwork("a1"), new NetworkRemoved("a1", Given.Now.AddMinutes(-1)));

        var error = Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(history, new RemoveNetwork("a1"), Given.Now));

        Assert.Equal((404, "network a1 not found"), (error.Status, error.Message));
    }

    [Fact]
    public void An_unknown_network_is_not_found() =>
        Assert.Equal(404, Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(Given.NoHistory, new RemoveNetwork("zz"), Given.Now)).Status);

    [Fact]
    public void A_predefined_network_cannot_be_removed()
    {
        var bridge = PredefinedNetworks.For("host-1")[0];
        var history = Given.Events(EnsurePredefinedNetwork.Decide(Given.NoHistory, bridge, Given.Now).ToArray());

        var error = Assert.Throws<NetworkError>(() => RemoveNetwork.Decide(history, new RemoveNetwork(bridge.NetworkId), Given.Now));

        Assert.Equal((403, "bridge is a pre-defined network and cannot be removed"), (error.Status, error.Message));
    }
}

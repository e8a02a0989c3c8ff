using Platform.Networking.Endpoints;
using Platform.Networking.Networks;
using Platform.Networking.Tests.Unit.Networks;
using Xunit;

namespace Platform.Networking.Tests.Unit.Endpoints;

public sealed class LeaveEndpointTests
{
    [Fact]
    public void A_live_endpoint_leaves_and_its_address_is_free_again()
    {
        var network = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "web", "10.10.0.2", "e1"));

        var left = Assert.IsType<EndpointLeft>(Assert.Single(LeaveEndpoint.Decide(network, new LeaveEndpoint("a1", "e1"), Given.Now)));

        Assert.Equal(new EndpointLeft("a1", "host-1", "backend", "e1", "web", Given.Now), left);
        Assert.Empty(network!.Apply(left).Endpoints);
    }

    [Fact]
    public void Leaving_again_changes_nothing()
    {
        var network = Given.Events(Given.UserNetwork("a1"), Given.Joined("a1", "web", "10.10.0.2", "e1"),
            new EndpointLeft("a1", "host-1", "backend", "e1", "web", Given.Now));

        Assert.Empty(LeaveEndpoint.Decide(network, new LeaveEndpoint("a1", "e1"), Given.Now));
    }

    [Fact]
    public void Leaving_a_network_that_does_not_exist_changes_nothing() =>
        Assert.Empty(LeaveEndpoint.Decide(Given.NoHistory, new LeaveEndpoint("zz", "e1"), Given.Now));
}

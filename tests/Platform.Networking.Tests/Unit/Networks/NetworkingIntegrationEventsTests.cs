using JasperFx.Events;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Publishing;
using Xunit;
using Published = Platform.Contracts.Networking;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class NetworkingIntegrationEventsTests
{
    readonly NetworkingIntegrationEvents _mapper = new();

    [Fact]
    public void NetworkCreated_is_published_as_the_contract_with_the_same_facts()
    {
        var created = Given.UserNetwork("a1");

        var contract = Assert.IsType<Published.NetworkCreated>(_mapper.Map(new Event<NetworkCreated>(created)));

        Assert.Equal(new Published.NetworkCreated("a1", "host-1", "backend", "bridge", "local", "10.10.0.0/24", "10.10.0.1",
            Internal: false, Attachable: true, contract.Labels, created.CreatedAt), contract);
        Assert.Equal("db", contract.Labels["team"]);
    }

    [Fact]
    public void NetworkRemoved_is_published_with_the_network_s_name_and_driver() =>
        Assert.Equal(new Published.NetworkRemoved("a1", "host-1", "backend", "bridge", Given.Now),
            _mapper.Map(new Event<NetworkRemoved>(new NetworkRemoved("a1", "host-1", "backend", "bridge", Given.Now))));

    [Fact]
    public void A_removal_recorded_before_removals_named_their_network_stays_inside() =>
        Assert.Null(_mapper.Map(new Event<NetworkRemoved>(new NetworkRemoved("a1", null, null, null, Given.Now))));

    [Fact]
    public void EndpointJoined_is_published_as_NetworkConnected()
    {
        var joined = Given.Joined("a1", "web", "10.10.0.2");

        Assert.Equal(new Published.NetworkConnected("a1", "host-1", "backend", "web", "web", "ep-web", "10.10.0.2", 24,
            "02:42:0a:0a:00:02", joined.JoinedAt), _mapper.Map(new Event<EndpointJoined>(joined)));
    }

    [Fact]
    public void EndpointLeft_is_published_as_NetworkDisconnected() =>
        Assert.Equal(new Published.NetworkDisconnected("a1", "host-1", "backend", "web", "ep-web", Given.Now),
            _mapper.Map(new Event<EndpointLeft>(new EndpointLeft("a1", "host-1", "backend", "ep-web", "web", Given.Now))));
}

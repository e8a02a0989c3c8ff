using JasperFx.Events;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Publishing;
using Xunit;
using Contract = Platform.Contracts.Networking.NetworkCreated;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class NetworkingIntegrationEventsTests
{
    readonly NetworkingIntegrationEvents _mapper = new();

    [Fact]
    public void NetworkCreated_is_published_as_the_contract_with_the_same_facts()
    {
        var created = Given.UserNetwork("a1");

        var contract = Assert.IsType<Contract>(_mapper.Map(new Event<NetworkCreated>(created)));

        Assert.Equal(new Contract("a1", "host-1", "backend", "bridge", "local", "10.10.0.0/24", "10.10.0.1",
            Internal: false, Attachable: true, contract.Labels, created.CreatedAt), contract);
        Assert.Equal("db", contract.Labels["team"]);
    }

    [Fact]
    public void NetworkRemoved_has_no_contract_yet_and_stays_inside() =>
        Assert.Null(_mapper.Map(new Event<NetworkRemoved>(new NetworkRemoved("a1", Given.Now))));
}

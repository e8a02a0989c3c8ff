using Platform.Networking.Networks;
using Platform.Networking.Networks.Creating;
using Xunit;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class CreateNetworkTests
{
    static CreateNetwork Command(string driver = "bridge") => new(
        "b2", "host-1", "frontend", driver, "10.20.0.0/24", "10.20.0.1", Internal: true, Attachable: false,
        new Dictionary<string, string> { ["app"] = "web" }, new Dictionary<string, string>());

    [Fact]
    public void A_new_network_is_created_as_asked_and_not_predefined()
    {
        var created = Assert.IsType<NetworkCreated>(Assert.Single(CreateNetwork.Decide(Given.NoHistory, Command(), Given.Now)));

        Assert.Equal(("b2", "host-1", "frontend", "bridge", "local"), (created.NetworkId, created.HostId, created.Name, created.Driver, created.Scope));
        Assert.Equal(("10.20.0.0/24", "10.20.0.1", true, false, false), (created.Subnet, created.Gateway, created.Internal, created.Attachable, created.Predefined));
        Assert.Equal("web", created.Labels["app"]);
        Assert.Equal(Given.Now, created.CreatedAt);
    }

    [Fact]
    public void An_existing_stream_is_a_conflict()
    {
        var error = Assert.Throws<NetworkError>(() => CreateNetwork.Decide(Given.Events(Given.UserNetwork("b2")), Command(), Given.Now));

        Assert.Equal((409, "network with name frontend already exists"), (error.Status, error.Message));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("null")]
    public void A_second_host_or_null_network_is_forbidden(string driver)
    {
        var error = Assert.Throws<NetworkError>(() => CreateNetwork.Decide(Given.NoHistory, Command(driver), Given.Now));

        Assert.Equal((403, $"only one instance of \"{driver}\" network is allowed"), (error.Status, error.Message));
    }
}

using Platform.Networking.Addressing;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Creating;
using Xunit;

namespace Platform.Networking.Tests.Unit.Networks;

public sealed class CreateNetworkTests
{
    static CreateNetwork Command(string driver = "bridge", string name = "frontend", IpamRequest? ipam = null, Dictionary<string, string>? options = null) => new(
        "b2", "host-1", name, driver, ipam ?? new IpamRequest("10.20.0.0/24", Gateway: "10.20.0.1"), Internal: true, Attachable: false,
        new Dictionary<string, string> { ["app"] = "web" }, options ?? new Dictionary<string, string>());

    static NetworkCreated Created(CreateNetwork command, HostContext? host = null) =>
        Assert.IsType<NetworkCreated>(Assert.Single(CreateNetwork.Decide(Given.NoHistory, host ?? Given.Host(), command, Given.Now)));

    [Fact]
    public void A_new_network_is_created_as_asked_and_not_predefined()
    {
        var created = Created(Command());

        Assert.Equal(("b2", "host-1", "frontend", "bridge", "local"), (created.NetworkId, created.HostId, created.Name, created.Driver, created.Scope));
        Assert.Equal(("10.20.0.0/24", "10.20.0.1", true, false, false, false), (created.Subnet, created.Gateway, created.Internal, created.Attachable, created.Predefined, created.SubnetFromPool));
        Assert.Equal("web", created.Labels["app"]);
        Assert.Equal(Given.Now, created.CreatedAt);
    }

    [Fact]
    public void Without_IPAM_config_the_first_free_pool_subnet_is_drawn_with_its_first_host_as_gateway()
    {
        var host = Given.Host(Given.Events(Given.UserNetwork("a1", "old", "172.18.0.0/16", "172.18.0.1"))!);

        var created = Created(Command(ipam: new IpamRequest()), host);

        Assert.Equal(("172.19.0.0/16", "172.19.0.1", true), (created.Subnet, created.Gateway, created.SubnetFromPool));
    }

    [Fact]
    public void An_existing_stream_is_a_conflict()
    {
        var error = Assert.Throws<NetworkError>(() => CreateNetwork.Decide(Given.Events(Given.UserNetwork("b2")), Given.Host(), Command(), Given.Now));

        Assert.Equal((409, "network with name frontend already exists"), (error.Status, error.Message));
    }

    [Fact]
    public void A_name_another_network_of_the_host_has_is_a_conflict()
    {
        var host = Given.Host(Given.Events(Given.UserNetwork("a1", "frontend", "10.30.0.0/24", "10.30.0.1"))!);

        var error = Assert.Throws<NetworkError>(() => Created(Command(), host));

        Assert.Equal((409, "network with name frontend already exists"), (error.Status, error.Message));
    }

    [Fact]
    public void A_subnet_overlapping_another_network_is_forbidden()
    {
        var host = Given.Host(Given.Events(Given.UserNetwork("a1", "wide", "10.20.0.0/16", "10.20.0.1"))!);

        var error = Assert.Throws<NetworkError>(() => Created(Command(), host));

        Assert.Equal((403, "invalid pool request: Pool overlaps with other one on this address space"), (error.Status, error.Message));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("null")]
    public void A_second_host_or_null_network_is_forbidden(string driver)
    {
        var error = Assert.Throws<NetworkError>(() => Created(Command(driver)));

        Assert.Equal((403, $"only one instance of \"{driver}\" network is allowed"), (error.Status, error.Message));
    }

    [Fact]
    public void An_unknown_driver_is_a_missing_plugin()
    {
        var error = Assert.Throws<NetworkError>(() => Created(Command("overlay")));

        Assert.Equal((400, "plugin \"overlay\" not found"), (error.Status, error.Message));
    }

    [Theory]
    [InlineData("br-name-too-long")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void A_bridge_name_that_is_no_interface_name_is_refused(string bridge)
    {
        var options = new Dictionary<string, string> { ["com.docker.network.bridge.name"] = bridge };

        Assert.Equal(400, Assert.Throws<NetworkError>(() => Created(Command(options: options))).Status);
    }

    [Fact]
    public void A_valid_bridge_name_is_kept_in_the_options_as_given()
    {
        var options = new Dictionary<string, string> { ["com.docker.network.bridge.name"] = "br-front" };

        Assert.Equal("br-front", Created(Command(options: options)).Options["com.docker.network.bridge.name"]);
    }
}

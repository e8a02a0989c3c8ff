using System.Net;

namespace Platform.Networking.Tests.Integration;

[Collection(NetworkingCollection.Name)]
public sealed class CreateRefusalsTests(NetworkingFixture fixture)
{
    HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_duplicate_name_is_409()
    {
        var name = NetworksApi.Unique("twice");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}"}""");

        var reply = await Http.PostJsonAsync("/networks/create", $$$"""{"Name":"{{{name}}}"}""");

        Assert.Equal((HttpStatusCode.Conflict, $"network with name {name} already exists"), (reply.Status, reply.Message));
    }

    [Theory]
    [InlineData("""{"Name":"x",""", 400, "invalid JSON")]
    [InlineData("", 400, "invalid JSON")]
    [InlineData("""{"Name":"x1","Driver":"overlay"}""", 400, "plugin \"overlay\" not found")]
    [InlineData("""{"Name":"x2","Driver":"host"}""", 403, "only one instance of \"host\" network is allowed")]
    [InlineData("""{"Name":"x3","Driver":"null"}""", 403, "only one instance of \"null\" network is allowed")]
    [InlineData("""{"Name":"x4","EnableIPv6":true}""", 400, "IPv6")]
    [InlineData("""{"Name":"x5","IPAM":{"Config":[{"Subnet":"10.300.0.0/16"}]}}""", 400, "invalid subnet 10.300.0.0/16")]
    [InlineData("""{"Name":"x6","IPAM":{"Config":[{"Subnet":"10.232.0.0/16","Gateway":"10.9.0.1"}]}}""", 400, "invalid gateway 10.9.0.1")]
    [InlineData("""{"Name":"x7","IPAM":{"Config":[{"Subnet":"10.233.0.0/16","IPRange":"10.9.0.0/24"}]}}""", 400, "invalid ip-range 10.9.0.0/24")]
    [InlineData("""{"Name":"x8","Options":{"com.docker.network.bridge.name":"much-too-long-name"}}""", 400, "invalid bridge name")]
    [InlineData("""{"Name":""}""", 400, "name")]
    public async Task Bad_requests_are_refused_with_Docker_s_status_and_a_message(string body, int status, string message)
    {
        var reply = await Http.PostJsonAsync("/v1.51/networks/create", body);

        Assert.Equal((status, "application/json"), ((int)reply.Status, reply.ContentType));
        Assert.Contains(message, reply.Message);
    }

    [Fact]
    public async Task A_subnet_overlapping_another_network_is_403()
    {
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{NetworksApi.Unique("wide")}}}","IPAM":{"Config":[{"Subnet":"10.240.0.0/16"}]}}""");

        var reply = await Http.PostJsonAsync("/networks/create", $$$"""{"Name":"{{{NetworksApi.Unique("narrow")}}}","IPAM":{"Config":[{"Subnet":"10.240.7.0/24"}]}}""");

        Assert.Equal((HttpStatusCode.Forbidden, "invalid pool request: Pool overlaps with other one on this address space"), (reply.Status, reply.Message));
    }
}

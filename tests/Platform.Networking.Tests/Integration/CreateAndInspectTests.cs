using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Networking.Tests.Integration;

[Collection(NetworkingCollection.Name)]
public sealed class CreateAndInspectTests(NetworkingFixture fixture)
{
    HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_created_network_is_inspected_in_Docker_s_shape_and_gets_its_bridge()
    {
        var name = NetworksApi.Unique("front");
        var reply = await Http.PostJsonAsync("/v1.51/networks/create",
            $$$"""{"Name":"{{{name}}}","Driver":"bridge","Scope":"","Internal":false,"Attachable":true,"Ingress":false,"ConfigOnly":false,"CheckDuplicate":true,"Options":{},"Labels":{"com.example":"x"},"Unknown":{"a":1}}""");

        Assert.Equal((HttpStatusCode.Created, "application/json"), (reply.Status, reply.ContentType));
        var id = reply.Body!["Id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal("", reply.Body["Warning"]!.GetValue<string>());

        var network = (await Http.GetJsonAsync($"/networks/{name}")).Body!;
        Assert.Equal((name, id, "local", "bridge", true, false, false, true, false, false),
            (Str(network, "Name"), Str(network, "Id"), Str(network, "Scope"), Str(network, "Driver"), Bool(network, "EnableIPv4"),
                Bool(network, "EnableIPv6"), Bool(network, "Internal"), Bool(network, "Attachable"), Bool(network, "Ingress"), Bool(network, "ConfigOnly")));
        Assert.True(DateTimeOffset.TryParse(Str(network, "Created"), out var created) && created > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("default", Str(network["IPAM"]!, "Driver"));
        var config = Assert.Single(network["IPAM"]!["Config"]!.AsArray())!;
        Assert.Matches(@"^(172\.(1[89]|2\d|3[01])\.0\.0/16|192\.168\.\d+\.0/20)$", Str(config, "Subnet"));
        Assert.Equal(Str(config, "Subnet").Replace(".0/16", ".1").Replace(".0/20", ".1"), Str(config, "Gateway"));
        Assert.Equal("", Str(network["ConfigFrom"]!, "Network"));
        Assert.Empty(network["Containers"]!.AsObject());
        Assert.Empty(network["Options"]!.AsObject());
        Assert.Equal("x", Str(network["Labels"]!, "com.example"));

        var plan = Assert.Single(fixture.Host.DataPlane.Ensured, p => p.NetworkId == id);
        Assert.Equal(("pbr-" + id[..11], Str(config, "Subnet"), Str(config, "Gateway"), false), (plan.Bridge, plan.Subnet, plan.Gateway, plan.Internal));
    }

    [Fact]
    public async Task A_user_subnet_with_range_gateway_and_aux_addresses_is_shown_as_given()
    {
        var name = NetworksApi.Unique("ipam");
        var id = await Http.CreateNetworkAsync(
            $$$"""{"name":"{{{name}}}","ipam":{"Driver":"default","Config":[{"Subnet":"10.231.0.0/16","IPRange":"10.231.4.0/24","Gateway":"10.231.0.254","AuxiliaryAddresses":{"r":"10.231.0.2"}}]},"internal":true,"options":{"com.docker.network.bridge.name":"br-ipam"}}""");

        var network = (await Http.GetJsonAsync($"/v1.44/networks/{id[..12]}")).Body!;

        Assert.Equal("""[{"Subnet":"10.231.0.0/16","IPRange":"10.231.4.0/24","Gateway":"10.231.0.254","AuxiliaryAddresses":{"r":"10.231.0.2"}}]""",
            network["IPAM"]!["Config"]!.ToJsonString());
        Assert.True(Bool(network, "Internal"));
        Assert.Equal("br-ipam", Str(network["Options"]!, "com.docker.network.bridge.name"));
        Assert.Contains(fixture.Host.DataPlane.Ensured, p => p.NetworkId == id && p.Bridge == "br-ipam" && p.Internal);
    }

    [Fact]
    public async Task Two_networks_without_config_get_different_subnets()
    {
        var a = (await Http.GetJsonAsync($"/networks/{await Http.CreateNetworkAsync($$$"""{"Name":"{{{NetworksApi.Unique("a")}}}"}""")}")).Body!;
        var b = (await Http.GetJsonAsync($"/networks/{await Http.CreateNetworkAsync($$$"""{"Name":"{{{NetworksApi.Unique("b")}}}"}""")}")).Body!;

        Assert.NotEqual(a["IPAM"]!["Config"]![0]!["Subnet"]!.ToString(), b["IPAM"]!["Config"]![0]!["Subnet"]!.ToString());
    }

    [Fact]
    public async Task Unknown_networks_are_404_with_Docker_s_message()
    {
        var reply = await Http.GetJsonAsync("/v1.51/networks/nope-not-here");

        Assert.Equal((HttpStatusCode.NotFound, "application/json", "network nope-not-here not found"), (reply.Status, reply.ContentType, reply.Message));
    }

    static string Str(JsonNode node, string key) => node[key]!.GetValue<string>();
    static bool Bool(JsonNode node, string key) => node[key]!.GetValue<bool>();
}

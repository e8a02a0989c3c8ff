using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Platform.Networking.Endpoints;

namespace Platform.Networking.Tests.Integration;

[Collection(NetworkingCollection.Name)]
public sealed class EndpointsTests(NetworkingFixture fixture)
{
    HttpClient Http => fixture.Host.Http;
    NetworkEndpoints Endpoints => fixture.Host.Services.GetRequiredService<NetworkEndpoints>();

    static string ContainerId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task A_container_joins_over_HTTP_shows_in_inspect_and_leaves_idempotently()
    {
        var name = NetworksApi.Unique("join");
        var id = await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","IPAM":{"Config":[{"Subnet":"10.241.0.0/24"}]}}""");
        var container = ContainerId();

        var joined = await Http.PostJsonAsync($"/_platform/networks/{name}/endpoints",
            $$$"""{"containerId":"{{{container}}}","containerName":"/web","aliases":["api"],"ipv4Address":null}""");

        Assert.Equal(HttpStatusCode.Created, joined.Status);
        var endpointId = joined.Body!["EndpointId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", endpointId);
        Assert.Equal($$$"""{"NetworkId":"{{{id}}}","Name":"{{{name}}}","EndpointId":"{{{endpointId}}}","ContainerId":"{{{container}}}","Address":"10.241.0.2","PrefixLength":24,"Gateway":"10.241.0.1","MacAddress":"02:42:0a:f1:00:02","Aliases":["api"],"Bridge":"pbr-{{{id[..11]}}}","Internal":false}""",
            joined.Body.ToJsonString());

        var inspect = (await Http.GetJsonAsync($"/networks/{id}")).Body!;
        Assert.Equal($$$"""{"{{{container}}}":{"Name":"web","EndpointID":"{{{endpointId}}}","MacAddress":"02:42:0a:f1:00:02","IPv4Address":"10.241.0.2/24","IPv6Address":""}}""",
            inspect["Containers"]!.ToJsonString());
        var mine = (await Http.GetJsonAsync($"/_platform/containers/{container}/endpoints")).Body!.AsArray();
        Assert.Equal(endpointId, Assert.Single(mine)!["EndpointId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteJsonAsync($"/_platform/networks/{id}/endpoints/{endpointId}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteJsonAsync($"/_platform/networks/{id}/endpoints/{endpointId}")).Status);
        Assert.Empty((await Http.GetJsonAsync($"/networks/{id}")).Body!["Containers"]!.AsObject());
    }

    [Fact]
    public async Task Join_refusals_carry_Docker_s_status_and_message()
    {
        var name = NetworksApi.Unique("refuse");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","IPAM":{"Config":[{"Subnet":"10.242.0.0/24"}]}}""");
        await Endpoints.JoinAsync(name, new JoinEndpoint(ContainerId(), "first", null, "10.242.0.9"), CancellationToken.None);

        var taken = await Http.PostJsonAsync($"/_platform/networks/{name}/endpoints", $$$"""{"ContainerId":"{{{ContainerId()}}}","ContainerName":"second","IPv4Address":"10.242.0.9"}""");
        var again = await Http.PostJsonAsync($"/_platform/networks/{name}/endpoints", $$$"""{"ContainerId":"{{{ContainerId()}}}","ContainerName":"first"}""");
        var pooled = await Http.PostJsonAsync("/_platform/networks/bridge/endpoints", $$$"""{"ContainerId":"{{{ContainerId()}}}","ContainerName":"x","IPv4Address":"172.17.0.50"}""");
        var host = await Http.PostJsonAsync("/_platform/networks/host/endpoints", $$$"""{"ContainerId":"{{{ContainerId()}}}","ContainerName":"h"}""");
        var missing = await Http.PostJsonAsync("/_platform/networks/no-such-net/endpoints", $$$"""{"ContainerId":"{{{ContainerId()}}}","ContainerName":"m"}""");

        Assert.Equal((HttpStatusCode.Conflict, true), (taken.Status, taken.Message.StartsWith("Address already in use")));
        Assert.Equal((HttpStatusCode.Forbidden, $"endpoint with name first already exists in network {name}"), (again.Status, again.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "user specified IP address is supported only when connecting to networks with user configured subnets"), (pooled.Status, pooled.Message));
        Assert.Equal(HttpStatusCode.Forbidden, host.Status);
        Assert.Equal((HttpStatusCode.NotFound, "network no-such-net not found"), (missing.Status, missing.Message));
    }

    [Fact]
    public async Task Concurrent_joins_never_share_an_address()
    {
        var name = NetworksApi.Unique("race");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","IPAM":{"Config":[{"Subnet":"10.243.0.0/24"}]}}""");

        var joins = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Endpoints.JoinAsync(name, new JoinEndpoint(ContainerId(), $"racer-{i}"), CancellationToken.None))));

        Assert.Equal(12, joins.Select(j => j.Address).Distinct().Count());
        Assert.All(joins, j => Assert.StartsWith("10.243.0.", j.Address));
        var inspect = (await Http.GetJsonAsync($"/networks/{name}")).Body!;
        Assert.Equal(12, inspect["Containers"]!.AsObject().Count);
    }

    [Fact]
    public async Task The_default_bridge_hands_out_its_subnet_with_its_bridge_name()
    {
        var container = ContainerId();

        var joined = await Endpoints.JoinAsync("bridge", new JoinEndpoint(container, "on-default"), CancellationToken.None);

        Assert.Equal(("bridge", 16, "172.17.0.1", "platform0"), (joined.Name, joined.PrefixLength, joined.Gateway, joined.Bridge));
        Assert.StartsWith("172.17.", joined.Address);
        await Endpoints.LeaveAsync(joined.NetworkId, joined.EndpointId, CancellationToken.None);
        Assert.Empty(Endpoints.ForContainer(container));
    }
}

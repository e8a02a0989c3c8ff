using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Networking.Endpoints;

namespace Platform.Networking.Tests.Integration;

[Collection(NetworkingCollection.Name)]
public sealed class ListRemovePruneTests(NetworkingFixture fixture)
{
    HttpClient Http => fixture.Host.Http;
    NetworkEndpoints Endpoints => fixture.Host.Services.GetRequiredService<NetworkEndpoints>();

    async Task<List<string>> NamesAsync(string filters)
    {
        var reply = await Http.GetJsonAsync("/v1.51/networks?filters=" + Uri.EscapeDataString(filters));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return [.. reply.Body!.AsArray().Select(n => n!["Name"]!.GetValue<string>())];
    }

    [Fact]
    public async Task The_predefined_networks_are_listed_as_builtin_and_user_networks_as_custom()
    {
        var name = NetworksApi.Unique("listed");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","Labels":{"suite":"{{{name}}}"}}""");

        Assert.Equal(["bridge", "host", "none"], await NamesAsync("""{"type":{"builtin":true}}"""));
        Assert.Equal([name], await NamesAsync($$$"""{"label":{"suite={{{name}}}":true}}"""));
        Assert.Equal([name], await NamesAsync($$$"""{"name":{"{{{name[3..]}}}":true},"type":{"custom":true}}"""));
        Assert.Equal(["host"], await NamesAsync("""{"driver":{"host":true}}"""));
        var all = (await Http.GetJsonAsync("/networks")).Body!.AsArray();
        var bridge = all.Single(n => n!["Name"]!.GetValue<string>() == "bridge")!;
        Assert.Equal("172.17.0.0/16", bridge["IPAM"]!["Config"]![0]!["Subnet"]!.GetValue<string>());
        Assert.Equal("platform0", bridge["Options"]!["com.docker.network.bridge.name"]!.GetValue<string>());
        Assert.Equal([bridge["Name"]!.GetValue<string>()], await NamesAsync($$$"""{"id":{"{{{bridge["Id"]!.GetValue<string>()[..10]}}}":true}}"""));
    }

    [Fact]
    public async Task Dangling_networks_are_the_user_networks_without_endpoints()
    {
        var label = NetworksApi.Unique("dangle");
        var idle = await Http.CreateNetworkAsync($$$"""{"Name":"{{{label}}}-idle","Labels":{"{{{label}}}":""}}""");
        var busy = await Http.CreateNetworkAsync($$$"""{"Name":"{{{label}}}-busy","Labels":{"{{{label}}}":""}}""");
        await Endpoints.JoinAsync(busy, new JoinEndpoint(new string('d', 64), "dangler"), CancellationToken.None);

        Assert.Equal([$"{label}-idle"], await NamesAsync($$$"""{"dangling":["true"],"label":["{{{label}}}"]}"""));
        Assert.Equal([$"{label}-busy"], await NamesAsync($$$"""{"dangling":{"false":true},"label":{"{{{label}}}":true}}"""));
        Assert.Equal(400, (int)(await Http.GetJsonAsync("/networks?filters=" + Uri.EscapeDataString("""{"colour":{"red":true}}"""))).Status);
        _ = idle;
    }

    [Fact]
    public async Task Removing_a_network_frees_its_name_and_removes_its_bridge()
    {
        var name = NetworksApi.Unique("gone");
        var id = await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}"}""");

        var reply = await Http.DeleteJsonAsync($"/v1.51/networks/{name}");

        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetJsonAsync($"/networks/{id}")).Status);
        Assert.Contains(fixture.Host.DataPlane.Removed, p => p.NetworkId == id && p.Bridge == "pbr-" + id[..11]);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteJsonAsync($"/networks/{id}")).Status);
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}"}""");
    }

    [Fact]
    public async Task Predefined_and_in_use_networks_cannot_be_removed()
    {
        var predefined = await Http.DeleteJsonAsync("/networks/bridge");
        Assert.Equal((HttpStatusCode.Forbidden, "bridge is a pre-defined network and cannot be removed"), (predefined.Status, predefined.Message));

        var name = NetworksApi.Unique("busy");
        var id = await Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}"}""");
        await Endpoints.JoinAsync(name, new JoinEndpoint(new string('b', 64), "/busy-one"), CancellationToken.None);

        var inUse = await Http.DeleteJsonAsync($"/networks/{id}");

        Assert.Equal((HttpStatusCode.Forbidden, $"error while removing network: network {name} id {id} has active endpoints (busy-one)"), (inUse.Status, inUse.Message));
    }

    [Fact]
    public async Task Prune_removes_the_unused_user_networks_the_filters_select()
    {
        var label = NetworksApi.Unique("prune");
        var unused = NetworksApi.Unique("unused");
        var used = NetworksApi.Unique("used");
        var kept = NetworksApi.Unique("kept");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{unused}}}","Labels":{"{{{label}}}":"yes"}}""");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{used}}}","Labels":{"{{{label}}}":"yes"}}""");
        await Http.CreateNetworkAsync($$$"""{"Name":"{{{kept}}}","Labels":{"{{{label}}}":"no"}}""");
        await Endpoints.JoinAsync(used, new JoinEndpoint(new string('c', 64), "user"), CancellationToken.None);

        var reply = await Http.PostJsonAsync("/v1.51/networks/prune?filters=" + Uri.EscapeDataString($$$"""{"label":{"{{{label}}}=yes":true},"until":{"1m":false}}"""), "");
        Assert.Equal((HttpStatusCode.OK, "[]"), (reply.Status, reply.Body!["NetworksDeleted"]!.ToJsonString()));

        reply = await Http.PostJsonAsync("/v1.51/networks/prune?filters=" + Uri.EscapeDataString($$$"""{"label":{"{{{label}}}=yes":true}}"""), "");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal([unused], reply.Body!["NetworksDeleted"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetJsonAsync($"/networks/{used}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetJsonAsync($"/networks/{kept}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetJsonAsync("/networks/bridge")).Status);
    }

    [Fact]
    public async Task Connect_is_not_this_service_s_route() =>
        Assert.Equal((HttpStatusCode.NotFound, "page not found"),
            await Http.PostJsonAsync("/networks/bridge/connect", """{"Container":"x"}""") is var r ? (r.Status, r.Message) : default);
}

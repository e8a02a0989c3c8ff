using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Networking.Networks;
using Platform.Networking.Sandboxes;

namespace Platform.Networking.Tests.Integration.LocalState;

/// <summary>
/// With PostgreSQL unreachable (a relay in front of it, cut), sandboxes are still made and removed from the state this
/// host holds; once the database is back, every change reaches it exactly once, in the order it was made.
/// </summary>
[Collection(NetworkingCollection.Name)]
public sealed class DatabaseDownTests(NetworkingFixture fixture)
{
    static string ContainerId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task Sandboxes_come_and_go_while_the_database_is_down_and_reach_it_once_and_in_order_when_it_is_back()
    {
        var (relay, postgres) = PostgresRelay.Start(fixture.Environment["ConnectionStrings__Postgres"]!);
        await using var _ = relay;
        var environment = new Dictionary<string, string?>(fixture.Environment) { ["ConnectionStrings__Postgres"] = postgres };
        // A loopback subnet: the user network's DNS server binds its gateway, and no bridge is made here.
        var dns = new Dictionary<string, string?> { ["Networking:Dns:Port"] = "0" };
        using var sandboxes = new RecordingSandboxDataPlane();
        await using var host = await NetworkingHost.StartAsync(environment, "down-" + Guid.NewGuid().ToString("N")[..8], settings: dns,
            sandboxes: sandboxes);
        var manager = host.Services.GetRequiredService<SandboxManager>();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var name = NetworksApi.Unique("down");
        var networkId = await host.Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","IPAM":{"Config":[{"Subnet":"127.244.0.0/24"}]}}""");
        var bridgeId = NetworkIds.Predefined(host.HostId, "bridge");
        var (a, b) = (ContainerId(), ContainerId());

        relay.Cut();
        await using (var down = store.QuerySession())
            await Assert.ThrowsAnyAsync<Exception>(() => down.Query<Network>().CountAsync());
        var first = await manager.CreateAsync(new SandboxRequest(a, "/first", "first", [new(name, null, null), new("bridge", null, null)], null), default);
        var second = await manager.CreateAsync(new SandboxRequest(b, "/second", "second", [new(name, ["db"], null)], null), default);
        await manager.RemoveAsync(a, default);
        var inspect = (await host.Http.GetJsonAsync($"/networks/{networkId}")).Body!;
        await Task.Delay(TimeSpan.FromSeconds(1)); // the writer meets the closed database and backs off
        relay.Restore();

        Assert.Equal(["127.244.0.2", "127.244.0.3"], new[] { first.Endpoints[0].IPAddress, second.Endpoints[0].IPAddress });
        Assert.Equal([b], inspect["Containers"]!.AsObject().Select(c => c.Key));
        var network = await store.EventuallyAsync(networkId, 4);
        var bridge = (await store.EventuallyAsync(bridgeId, 3)).Where(e => e.Data is EndpointJoined j && j.ContainerId == a
            || e.Data is EndpointLeft l && l.ContainerId == a).ToList();
        var sandboxA = await store.EventuallyAsync(SandboxState.StreamKey(a), 4);
        var sandboxB = await store.EventuallyAsync(SandboxState.StreamKey(b), 2);
        Assert.Equal(["NetworkCreated", "EndpointJoined", "EndpointJoined", "EndpointLeft"], network.Types());
        Assert.Equal([a, b, a], network.Skip(1).Select(e => e.Data switch { EndpointJoined j => j.ContainerId, EndpointLeft l => l.ContainerId, _ => "" }));
        Assert.Equal(["EndpointJoined", "EndpointLeft"], bridge.Types());
        Assert.Equal(["SandboxCreated", "SandboxEndpointAttached", "SandboxEndpointAttached", "SandboxRemoved"], sandboxA.Types());
        Assert.Equal(["SandboxCreated", "SandboxEndpointAttached"], sandboxB.Types());
        // Marten's global order is the order the changes were made in
        long[] order = [network[1].Sequence, bridge[0].Sequence, sandboxA[0].Sequence, network[2].Sequence, sandboxB[0].Sequence,
            network[3].Sequence, bridge[1].Sequence, sandboxA[3].Sequence];
        Assert.Equal(order.Order(), order);
        await using var session = store.QuerySession();
        Assert.NotNull((await session.LoadAsync<SandboxState>(SandboxState.StreamKey(a)))!.RemovedAt);
        Assert.Equal("127.244.0.3", Assert.Single((await session.LoadAsync<SandboxState>(SandboxState.StreamKey(b)))!.Endpoints).Address);
    }
}

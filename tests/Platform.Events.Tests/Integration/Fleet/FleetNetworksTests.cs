using MassTransit;
using Platform.Contracts.Networking;
using Platform.Testing;
using Xunit;
using static Platform.Events.Tests.Integration.Fleet.FleetApi;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>Networks through GET /api/v1/fleet/networks: created with name and driver, containers connect and disconnect, removed ones go.</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class FleetNetworksTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 7, 8, 9, 10, 11, TimeSpan.Zero);
    static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connected_containers_follow_connect_and_disconnect_and_a_removed_network_is_gone()
    {
        var host = Services.UniqueHostId("fnet");
        var (id, web, db) = (NewId(), NewId(), NewId());
        var http = fixture.Events.Http;
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            await bus.Publish(new NetworkCreated(id, host, "back", "macvlan", "local", "10.98.0.0/24", "10.98.0.1",
                Internal: false, Attachable: false, new Dictionary<string, string>(), T0));
            var created = await NetworkAsync(http, host, n => n.Id == id);
            Assert.Equal((host, "back", "macvlan", T0), (created.Host, created.Name, created.Driver, created.CreatedAt));
            Assert.Empty(created.Containers);

            await bus.Publish(Connected(id, host, web, "web", T0.AddSeconds(1)));
            await bus.Publish(Connected(id, host, db, "db", T0.AddSeconds(2)));
            var connected = await NetworkAsync(http, host, n => n.Containers.Count == 2);
            Assert.Equal([web, db], connected.Containers);
            Assert.Equal("macvlan", connected.Driver); // connect entries do not change what create said

            await bus.Publish(new NetworkDisconnected(id, host, "back", web, new string('e', 64), T0.AddSeconds(3)));
            var disconnected = await NetworkAsync(http, host, n => n.Containers.Count == 1);
            Assert.Equal([db], disconnected.Containers);
            Assert.Equal(T0.AddSeconds(3), disconnected.LastChangeAt);

            await bus.Publish(new NetworkRemoved(id, host, "back", "macvlan", T0.AddSeconds(4)));
            var left = await Eventually.PollAsync(() => http.NetworksAsync(host), l => l.Count == 0, Arrival);
            Assert.Empty(left);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    static NetworkConnected Connected(string id, string host, string container, string name, DateTimeOffset at) =>
        new(id, host, "back", container, name, new string('e', 64), "10.98.0.2", 24, "02:42:0a:62:00:02", at);

    static async Task<Network> NetworkAsync(HttpClient http, string host, Func<Network, bool> done)
    {
        var networks = await Eventually.PollAsync(() => http.NetworksAsync(host), l => l.Count == 1 && done(l[0]), Arrival);
        var network = Assert.Single(networks);
        Assert.True(done(network), $"network {network.Id}: containers [{string.Join(", ", network.Containers)}]");
        return network;
    }
}

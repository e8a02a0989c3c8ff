using Platform.Contracts.Networking;
using Platform.Testing;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>A network's life as the networking service publishes it reaches GET /api/v1/events as Docker's network events.</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class NetworkEventsTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 4, 5, 6, 7, 8, TimeSpan.Zero);

    [Fact]
    public async Task Create_connect_disconnect_and_destroy_are_recorded_with_Docker_s_attributes()
    {
        var hostId = Services.UniqueHostId("net");
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var container = new string('c', 64);
        var endpoint = new string('e', 64);
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            await bus.Publish(new NetworkCreated(id, hostId, "front", "bridge", "local", "172.18.0.0/16", "172.18.0.1",
                Internal: false, Attachable: false, new Dictionary<string, string>(), T0));
            await bus.Publish(new NetworkConnected(id, hostId, "front", container, "web", endpoint, "172.18.0.2", 16, "02:42:ac:12:00:02", T0.AddSeconds(1)));
            await bus.Publish(new NetworkDisconnected(id, hostId, "front", container, endpoint, T0.AddSeconds(2)));
            await bus.Publish(new NetworkRemoved(id, hostId, "front", "bridge", T0.AddSeconds(3)));

            var page = await Eventually.PollAsync(
                () => fixture.Events.Http.ListAsync($"type=network&host={hostId}"),
                p => p.Events.Any(e => e.Action == "destroy"), TimeSpan.FromSeconds(30));

            Assert.Equal(["create", "connect", "disconnect", "destroy"], page.Events.Select(e => e.Action));
            Assert.All(page.Events, e => Assert.Equal(("network", id, "networking", "front", "bridge"),
                (e.Type, e.ActorId, e.Service, e.Attributes["name"], e.Attributes["type"])));
            Assert.Equal([container, container], page.Events.Skip(1).Take(2).Select(e => e.Attributes["container"]));
            Assert.Equal(Enumerable.Range(0, 4).Select(s => T0.AddSeconds(s)), page.Events.Select(e => e.Time));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

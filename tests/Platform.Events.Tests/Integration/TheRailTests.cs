using System.Diagnostics;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Events.Tests.Integration;

/// <summary>
/// The rail end to end: networking's committed events → Marten subscription → RabbitMQ → events consumer → state log
/// → GET /api/v1/events, with real processes, PostgreSQL and RabbitMQ.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class TheRailTests(EventsServiceFixture fixture, ITestOutputHelper output)
{
    static readonly TimeSpan Arrival = TimeSpan.FromSeconds(60);

    /// <summary>Long enough for a wrongly re-created network to travel the rail (publisher polls in well under 5s).</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_host_s_predefined_networks_reach_the_state_log_exactly_once_even_across_a_restart()
    {
        var hostId = Services.UniqueHostId("rail");
        var networking = Services.Networking(fixture.Infrastructure, hostId);
        var query = $"type=network&host={hostId}";
        var clock = Stopwatch.StartNew();

        await using (var first = await ServiceProcess.StartAsync(networking))
        {
            output.WriteLine($"{clock.Elapsed}: networking ready");
            var arrived = await Eventually.PollAsync(() => fixture.Events.Http.ListAsync(query), p => p.Events.Count >= 3, Arrival);
            output.WriteLine($"{clock.Elapsed}: {arrived.Events.Count} network events in the state log");
            AssertPredefinedNetworksOnce(arrived, hostId);
            await first.StopAsync();
            output.WriteLine($"{clock.Elapsed}: networking stopped");
        }

        await using (await ServiceProcess.StartAsync(networking))
        {
            output.WriteLine($"{clock.Elapsed}: networking restarted");
            await Task.Delay(Settle);
            AssertPredefinedNetworksOnce(await fixture.Events.Http.ListAsync(query), hostId);
        }
    }

    static void AssertPredefinedNetworksOnce(EventsApi.EventsPage page, string hostId)
    {
        var events = page.Events;
        Assert.Equal(["bridge", "host", "none"], events.Select(e => e.Attributes["name"]).Order());
        Assert.All(events, e =>
        {
            Assert.Equal(("network", "create", hostId, "networking"), (e.Type, e.Action, e.Host, e.Service));
            Assert.Matches("^[0-9a-f]{64}$", e.ActorId);
        });
        Assert.Equal("bridge", events.Single(e => e.Attributes["name"] == "bridge").Attributes["type"]);
        Assert.Equal("host", events.Single(e => e.Attributes["name"] == "host").Attributes["type"]);
        Assert.Equal("null", events.Single(e => e.Attributes["name"] == "none").Attributes["type"]);
        Assert.Equal(3, events.Select(e => e.ActorId).Distinct().Count());
        Assert.Equal(events.Select(e => e.Position).Order(), events.Select(e => e.Position));
        Assert.Null(page.Next);
    }
}

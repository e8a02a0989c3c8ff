using System.Diagnostics;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Events.Tests.Integration;

/// <summary>
/// The integration-event subscription under a broker outage: events committed while RabbitMQ is down are neither
/// lost nor skipped; they go out once it is back. Runs on its own PostgreSQL + RabbitMQ, since it stops the broker.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Events_committed_while_the_broker_is_down_are_published_once_it_is_back()
    {
        var clock = Stopwatch.StartNew();
        var infrastructure = await Infrastructure.StartPrivateAsync("test-broker-outage");
        try
        {
            await using var events = await ServiceProcess.StartAsync(Services.Events(infrastructure));
            output.WriteLine($"{clock.Elapsed}: private infrastructure and events up");
            await infrastructure.RunAsync("stop-rabbitmq");
            output.WriteLine($"{clock.Elapsed}: broker stopped");

            var hostId = Services.UniqueHostId("outage");
            await using var networking = await ServiceProcess.StartAsync(Services.Networking(infrastructure, hostId, waitForReady: false));
            var paused = await Eventually.PollAsync(
                () => Task.FromResult(networking.Output.Contains("the subscription pauses")), p => p, TimeSpan.FromSeconds(60));
            Assert.True(paused, "networking never reported a failed publish:\n" + networking.Output.Last());
            output.WriteLine($"{clock.Elapsed}: networking committed its networks and failed to publish them");

            await infrastructure.RunAsync("start-rabbitmq");
            output.WriteLine($"{clock.Elapsed}: broker started");
            var page = await Eventually.PollAsync(
                () => events.Http.ListAsync($"type=network&host={hostId}"), p => p.Events.Count >= 3, TimeSpan.FromSeconds(120));
            output.WriteLine($"{clock.Elapsed}: {page.Events.Count} network events in the state log");

            Assert.Equal(["bridge", "host", "none"], page.Events.Select(e => e.Attributes["name"]).Order());
        }
        finally
        {
            await infrastructure.DownAsync();
        }
    }
}

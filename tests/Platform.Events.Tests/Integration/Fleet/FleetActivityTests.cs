using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Platform.Contracts.Networking;
using Platform.Testing;
using Xunit;
using static Platform.Events.Tests.Integration.Fleet.FleetApi;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>GET /api/v1/fleet/activity: the state log newest first, limited (50 by default, 1–500).</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class FleetActivityTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 8, 9, 10, 11, 12, TimeSpan.Zero);

    [Fact]
    public async Task Activity_is_newest_first_and_limited()
    {
        var host = Services.UniqueHostId("fact");
        var http = fixture.Events.Http;
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            string[] names = ["first", "second", "third"];
            foreach (var (name, i) in names.Select((n, i) => (n, i)))
                await bus.Publish(new NetworkCreated(NewId(), host, name, "bridge", "local", "10.97.0.0/24", "10.97.0.1",
                    Internal: false, Attachable: false, new Dictionary<string, string>(), T0.AddSeconds(i)));

            var all = await Eventually.PollAsync(() => http.GetFleetAsync<ActivityList>($"activity?host={host}"),
                a => a.Events.Count == 3, TimeSpan.FromSeconds(30));
            Assert.Equal(["third", "second", "first"], all.Events.Select(e => e.Attributes["name"]));
            Assert.Equal(all.Events.Select(e => e.Position).OrderDescending(), all.Events.Select(e => e.Position));

            var two = await http.GetFleetAsync<ActivityList>($"activity?host={host}&limit=2");
            Assert.Equal(["third", "second"], two.Events.Select(e => e.Attributes["name"]));

            var fleet = await http.GetFleetAsync<ActivityList>("activity");
            Assert.InRange(fleet.Events.Count, 3, 50);
            Assert.Equal(fleet.Events.Select(e => e.Position).OrderDescending(), fleet.Events.Select(e => e.Position));
            Assert.True(fleet.Events[0].Position >= all.Events[0].Position);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("many")]
    public async Task A_limit_outside_1_to_500_is_a_400_with_Docker_s_error_body(string limit)
    {
        using var response = await fixture.Events.Http.GetAsync("/api/v1/fleet/activity?limit=" + limit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", (await response.Content.ReadFromJsonAsync<Error>())!.Message);
    }
}

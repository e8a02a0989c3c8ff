using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Rails;

/// <summary>
/// Both rails, through the running platform: the runtime's journal reaches the state log over RabbitMQ
/// (RabbitMQ.Client in MassTransit's envelope), and networking's committed Marten events reach it through a
/// Marten subscription. Read back through the gateway's platform API.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateLogTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_runtime_announces_its_host_start_exactly_once()
    {
        var events = await EventsAsync($"type=host&host={platform.HostId}", e => e.Count >= 1);

        var start = Assert.Single(events, e => e.GetProperty("action").GetString() == "start");
        Assert.Equal("runtime", start.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Networking_publishes_the_predefined_networks_of_this_host()
    {
        string[] predefined = ["bridge", "host", "none"];
        static string? Name(JsonElement e) => e.GetProperty("attributes").GetProperty("name").GetString();
        var events = await EventsAsync($"type=network&action=create&host={platform.HostId}&limit=1000",
            e => e.Count(x => predefined.Contains(Name(x))) >= 3);

        // other tests create networks of their own on this host; the predefined ones are there once each
        Assert.Equal(predefined, events.Select(Name).Where(predefined.Contains).Order().ToList());
    }

    async Task<List<JsonElement>> EventsAsync(string query, Func<List<JsonElement>, bool> done)
    {
        using var http = platform.CreateHttpClient();
        return await Eventually.PollAsync(async () =>
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v1/events?" + query));
            return doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
        }, done, TimeSpan.FromSeconds(30));
    }
}

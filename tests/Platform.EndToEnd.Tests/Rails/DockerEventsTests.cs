using System.Globalization;
using System.Net;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Rails;

/// <summary>docker events from the state log: history between --since and --until, filters, and the live stream.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DockerEventsTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task History_between_since_and_until_shows_a_run_in_order_and_filters_apply()
    {
        var since = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1).ToString(CultureInfo.InvariantCulture);
        var name = "events-" + Guid.NewGuid().ToString("N")[..8];
        await DockerCli.SucceedAsync(Host, "run", "--rm", "--name", name, PlatformFixture.Busybox, "true");

        var lines = await Eventually.PollAsync(async () =>
        {
            var result = await DockerCli.SucceedAsync(Host, "events", "--since", since, "--until", Now(),
                "--filter", "type=container", "--filter", $"container={name}", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}");
            return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }, l => l.Contains($"container destroy {name}"), TimeSpan.FromSeconds(30));
        var others = await DockerCli.SucceedAsync(Host, "events", "--since", since, "--until", Now(), "--filter", "type=volume",
            "--filter", $"container={name}");

        Assert.Equal([$"container create {name}", $"container start {name}", $"container die {name}", $"container destroy {name}"],
            lines.Where(l => l.Split(' ')[1] is "create" or "start" or "die" or "destroy"));
        Assert.Equal("", others.Stdout);
    }

    [Fact]
    public async Task The_stream_delivers_events_as_they_happen()
    {
        var name = "stream-" + Guid.NewGuid().ToString("N")[..8];
        using var http = platform.CreateHttpClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        using var stream = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var filters = Uri.EscapeDataString("{\"container\":{\"" + name + "\":true}}");
        using var response = await http.GetAsync($"/v1.51/events?filters={filters}", HttpCompletionOption.ResponseHeadersRead, stream.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stream.Token));

        await DockerCli.SucceedAsync(Host, "run", "--rm", "--name", name, PlatformFixture.Busybox, "true");
        var seen = new List<string>();
        while (!seen.Any(l => l.Contains("\"destroy\"")) && await reader.ReadLineAsync(stream.Token) is { } line) seen.Add(line);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(seen, l => l.Contains("\"Action\":\"start\"") && l.Contains(name) && l.Contains("\"scope\":\"local\"") && l.Contains("\"timeNano\":"));
    }

    [Fact]
    public async Task Bad_filters_and_reversed_times_are_refused()
    {
        using var http = platform.CreateHttpClient();

        using var badFilter = await http.GetAsync("/events?until=1&filters=" + Uri.EscapeDataString("""{"colour":{"red":true}}"""));
        using var reversed = await http.GetAsync("/events?since=2000&until=1000");

        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        using var error = global::System.Text.Json.JsonDocument.Parse(await badFilter.Content.ReadAsStringAsync());
        Assert.Equal("invalid filter 'colour'", error.RootElement.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }
}

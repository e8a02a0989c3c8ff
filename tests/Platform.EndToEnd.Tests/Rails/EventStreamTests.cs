using Platform.Testing;

namespace Platform.EndToEnd.Tests.Rails;

/// <summary>The platform API's Server-Sent Events stream of the state log, resumable with Last-Event-ID.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EventStreamTests(PlatformFixture platform)
{
    sealed record Sse(long Id, string Event, string Data);

    static async Task<Sse?> NextAsync(StreamReader reader, CancellationToken ct)
    {
        long id = 0;
        string? name = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..]);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && data is not null) return new Sse(id, name!, data);
        }
        return null;
    }

    static async Task<List<Sse>> ReadUntilAsync(HttpClient http, string url, string? lastEventId, string container, string action, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var seen = new List<Sse>();
        while (await NextAsync(reader, ct) is { } e)
        {
            seen.Add(e);
            if (e.Data.Contains(container) && e.Event == action) break;
        }
        return seen;
    }

    [Fact]
    public async Task Events_arrive_as_they_happen_and_a_reconnect_resumes_after_the_last_id()
    {
        var name = "sse-" + Guid.NewGuid().ToString("N")[..8];
        using var http = platform.CreateHttpClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var live = ReadUntilAsync(http, "/api/v1/events/stream?type=container", null, name, "container.destroy", limit.Token);
        await Task.Delay(500, limit.Token); // the stream starts from now
        await DockerCli.SucceedAsync(platform.DockerHost("unix"), "run", "--rm", "--name", name, PlatformFixture.Busybox, "true");
        var events = (await live).Where(e => e.Data.Contains(name)).ToList();
        var create = events.Single(e => e.Event == "container.create");
        var resumed = await ReadUntilAsync(http, "/api/v1/events/stream?type=container", create.Id.ToString(), name, "container.start", limit.Token);

        Assert.Equal(["container.create", "container.start", "container.die", "container.destroy"],
            events.Select(e => e.Event).Where(e => e is "container.create" or "container.start" or "container.die" or "container.destroy"));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Id < p.Second.Id), "ids are increasing positions");
        Assert.All(resumed, e => Assert.True(e.Id > create.Id));
        Assert.Equal("container.start", resumed.Last(e => e.Data.Contains(name)).Event);
    }
}

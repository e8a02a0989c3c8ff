using System.Text.Json;
using Platform.Testing;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>Image events reach the events service's state log through the outbox subscription and the bus.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class StateLogTests(ImagesPlatformFixture platform)
{
    [Fact]
    public async Task Import_tag_untag_and_delete_are_logged_as_Docker_logs_them()
    {
        var name = $"log{Guid.NewGuid():N}"[..13];
        var images = platform.ImagesA.Http;
        var id = await images.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        await images.TagAsync(id, name, "2");
        await images.RemoveAsync(id, force: true);

        var entries = await Eventually.PollAsync(
            () => EntriesAsync(id),
            found => found.Count >= 6,
            TimeSpan.FromSeconds(30));

        Assert.Equal(["import", "tag", "tag", "untag", "untag", "delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("image", id, platform.HostA, "images"), (e.Type, e.ActorId, e.Host, e.Service)));
        Assert.Equal([id, name + ":1", name + ":2", id, id, id], entries.Select(e => e.Name));
    }

    sealed record Entry(string Type, string Action, string ActorId, string Host, string Service, string Name);

    async Task<List<Entry>> EntriesAsync(string imageId)
    {
        var entries = new List<Entry>();
        long after = 0;
        while (true)
        {
            var page = (await platform.Events.Http.FetchAsync($"/api/v1/events?type=image&host={platform.HostA}&after={after}&limit=1000")).Json;
            foreach (var e in page.GetProperty("events").EnumerateArray())
                if (e.GetProperty("actorId").GetString() == imageId)
                    entries.Add(new Entry(e.GetProperty("type").GetString()!, e.GetProperty("action").GetString()!, imageId,
                        e.GetProperty("host").GetString()!, e.GetProperty("service").GetString()!,
                        e.GetProperty("attributes").GetProperty("name").GetString()!));
            if (page.GetProperty("next").ValueKind != JsonValueKind.Number) return entries;
            after = page.GetProperty("next").GetInt64();
        }
    }
}

using MassTransit;
using Platform.Contracts.Images;
using Platform.Testing;
using Xunit;
using static Platform.Events.Tests.Integration.Fleet.FleetApi;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>
/// Images per host through GET /api/v1/fleet/images: an arrival makes an image exist on its host, tags and digests
/// follow tag/untag (a tag moved to another image leaves the first), a delete removes it.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class FleetImagesTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 6, 7, 8, 9, 10, TimeSpan.Zero);
    static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);
    static readonly string A = "sha256:" + new string('a', 64);
    static readonly string B = "sha256:" + new string('b', 64);
    static readonly string Digest = "sha256:" + new string('d', 64);

    [Fact]
    public async Task Tags_follow_tag_untag_and_moves_and_a_deleted_image_is_gone_from_its_host_only()
    {
        var (host, other) = (Services.UniqueHostId("fimg"), Services.UniqueHostId("fimo"));
        var http = fixture.Events.Http;
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            await bus.Publish(new ImagePulled(A, host, "docker.io/library/busybox:latest", "busybox", Digest, 1234, T0));
            await bus.Publish(Tagged(A, host, "busybox:latest", T0));
            await bus.Publish(Tagged(A, host, $"busybox@{Digest}", T0));
            await bus.Publish(Tagged(A, host, "mybox:1", T0.AddSeconds(1)));
            await bus.Publish(new ImageImported(A, other, Digest, 1234, "-", T0));
            var tagged = await ImageAsync(http, host, A, i => i.RepoTags.Count == 2);
            Assert.Equal(["busybox:latest", "mybox:1"], tagged.RepoTags);
            Assert.Equal([$"busybox@{Digest}"], tagged.RepoDigests);
            Assert.Equal((T0, T0.AddSeconds(1)), (tagged.FirstSeenAt, tagged.LastChangeAt));

            await bus.Publish(Untagged(A, host, "mybox:1", T0.AddSeconds(2)));
            Assert.Equal(["busybox:latest"], (await ImageAsync(http, host, A, i => i.RepoTags.Count == 1)).RepoTags);

            // docker tag: busybox:latest moves to B — images untags it from A and tags B in one write.
            await bus.Publish(new ImageLoaded(B, host, Digest, 99, T0.AddSeconds(3)));
            await bus.Publish(Untagged(A, host, "busybox:latest", T0.AddSeconds(4)));
            await bus.Publish(Tagged(B, host, "busybox:latest", T0.AddSeconds(4)));
            Assert.Equal(["busybox:latest"], (await ImageAsync(http, host, B, i => i.RepoTags.Count == 1)).RepoTags);
            Assert.Empty((await ImageAsync(http, host, A, i => i.RepoTags.Count == 0)).RepoTags);

            await bus.Publish(new ImageDeleted(A, host, T0.AddSeconds(5)));
            var left = await Eventually.PollAsync(() => http.ImagesAsync(host), l => l.All(i => i.Id != A), Arrival);
            Assert.Equal([B], left.Select(i => i.Id));
            var elsewhere = Assert.Single(await http.ImagesAsync(other));
            Assert.Equal((A, other), (elsewhere.Id, elsewhere.Host));
            Assert.Empty(elsewhere.RepoTags);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task A_committed_image_exists_on_its_host_with_the_tag_it_was_committed_as()
    {
        var host = Services.UniqueHostId("fcom");
        var http = fixture.Events.Http;
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            await bus.Publish(new ImageCommitted(B, host, Digest, 42, NewId(), "web", "busybox", "snap:1", "a comment", T0));
            await bus.Publish(Tagged(B, host, "snap:1", T0));
            var committed = await ImageAsync(http, host, B, i => i.RepoTags.Count == 1);
            Assert.Equal(["snap:1"], committed.RepoTags);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    static ImageTagged Tagged(string id, string host, string familiar, DateTimeOffset at) =>
        new(id, host, "docker.io/library/" + familiar, familiar, at);

    static ImageUntagged Untagged(string id, string host, string familiar, DateTimeOffset at) =>
        new(id, host, "docker.io/library/" + familiar, familiar, at);

    static async Task<Image> ImageAsync(HttpClient http, string host, string id, Func<Image, bool> done)
    {
        var images = await Eventually.PollAsync(() => http.ImagesAsync(host), l => l.Any(i => i.Id == id && done(i)), Arrival);
        var image = Assert.Single(images, i => i.Id == id);
        Assert.True(done(image), $"image {id} on {host}: tags [{string.Join(", ", image.RepoTags)}]");
        return image;
    }
}

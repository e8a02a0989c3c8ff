using System.Net;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker image prune [-a]: dangling by default, everything unused with dangling=false; what it reclaims.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class PruneTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;

    [Fact]
    public async Task Dangling_first_then_all()
    {
        var run = $"{Guid.NewGuid():N}"[..10];
        var danglingTar = RootFilesystems.Tiny("dangling" + run);
        var taggedTar = RootFilesystems.Tiny("tagged" + run);
        var dangling = await A.ImportAsync(danglingTar, null, $"LABEL prune={run}");
        var tagged = await A.ImportAsync(taggedTar, $"prune{run}:1", $"LABEL prune={run}");
        var all = ImagesApi.Filters(("label", $"prune={run}"), ("dangling", "false"));

        var first = await PruneAsync(ImagesApi.Filters(("label", $"prune={run}")));
        var second = await PruneAsync(all);
        var third = await PruneAsync(all);

        Assert.Equal($$"""{"ImagesDeleted":[{"Deleted":"{{dangling}}"}],"SpaceReclaimed":{{danglingTar.Length}}}""", first.Trim());
        Assert.Equal($$"""{"ImagesDeleted":[{"Untagged":"prune{{run}}:1"},{"Deleted":"{{tagged}}"}],"SpaceReclaimed":{{taggedTar.Length}}}""", second.Trim());
        Assert.Equal("""{"ImagesDeleted":null,"SpaceReclaimed":0}""", third.Trim());
    }

    [Fact]
    public async Task Shared_layers_are_not_reclaimed()
    {
        var run = $"{Guid.NewGuid():N}"[..10];
        await A.ImportAsync(platform.Busybox, $"keep{run}");
        await A.ImportAsync(platform.Busybox, null, $"LABEL shared={run}");

        var report = JsonDocument.Parse(await PruneAsync(ImagesApi.Filters(("label", $"shared={run}")))).RootElement;

        Assert.Single(report.GetProperty("ImagesDeleted").EnumerateArray());
        Assert.Equal(0, report.GetProperty("SpaceReclaimed").GetInt64());
    }

    [Fact]
    public async Task Unknown_prune_filters_are_400()
    {
        var reply = await A.SendAsync(HttpMethod.Post, "/images/prune?filters=" + Uri.EscapeDataString("""{"reference":{"x":true}}"""));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid filter 'reference'"), (reply.Status, reply.Message));
    }

    async Task<string> PruneAsync(string filters)
    {
        var reply = await A.SendAsync(HttpMethod.Post, "/v1.51/images/prune?filters=" + Uri.EscapeDataString(filters));
        Assert.True(reply.Status == HttpStatusCode.OK && reply.ContentType == "application/json", reply.ToString());
        return reply.Text;
    }
}

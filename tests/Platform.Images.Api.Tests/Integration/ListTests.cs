using System.Net;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker images: the summary shape and every filter, scoped to this test's images by a unique label.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class ListTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;

    [Fact]
    public async Task Summaries_filters_and_order()
    {
        var run = $"{Guid.NewGuid():N}"[..10];
        var label = $"LABEL run={run}";
        var first = await A.ImportAsync(RootFilesystems.Tiny("first" + run), $"list{run}/a:1", label);
        await Task.Delay(20);
        var second = await A.ImportAsync(RootFilesystems.Tiny("second" + run), $"list{run}/b:1", label, "LABEL kind=b");
        await Task.Delay(20);
        var dangling = await A.ImportAsync(RootFilesystems.Tiny("third" + run), null, label);
        var mine = ImagesApi.Filters(("label", $"run={run}"));

        var all = await A.ListAsync(mine);
        Assert.Equal([dangling, second, first], all.Select(i => i.GetProperty("Id").GetString()));
        var summary = all[1];
        Assert.Equal(["Containers", "Created", "Id", "Labels", "ParentId", "RepoDigests", "RepoTags", "SharedSize", "Size"], summary.PropertyNames());
        Assert.Equal(JsonValueKind.Number, summary.GetProperty("Created").ValueKind);
        Assert.Equal(DateTimeOffset.Parse((await A.InspectAsync(second)).GetProperty("Created").GetString()!).ToUnixTimeSeconds(), summary.GetProperty("Created").GetInt64());
        Assert.Equal([$"list{run}/b:1"], summary.GetProperty("RepoTags").Strings());
        Assert.Equal(("", -1L), (summary.GetProperty("ParentId").GetString(), summary.GetProperty("SharedSize").GetInt64()));
        Assert.Equal("b", summary.GetProperty("Labels").GetProperty("kind").GetString());
        Assert.Empty(all[0].GetProperty("RepoTags").Strings());

        Assert.Equal([$"list{run}/a:1"], (await A.ListAsync(ImagesApi.Filters(("reference", $"list{run}/a")))).Tags());
        Assert.Equal([$"list{run}/b:1", $"list{run}/a:1"], (await A.ListAsync(ImagesApi.Filters(("reference", $"list{run}/*")))).Tags());
        Assert.Equal([$"list{run}/b:1"], (await A.ListAsync($"{{\"reference\":[\"list{run}/?:1\"],\"label\":[\"kind=b\"]}}")).Tags());
        Assert.Equal([dangling], Ids(await A.ListAsync(ImagesApi.Filters(("dangling", "true"), ("label", $"run={run}")))));
        Assert.Equal([second, first], Ids(await A.ListAsync(ImagesApi.Filters(("dangling", "false"), ("label", $"run={run}")))));
        Assert.Equal([dangling, second], Ids(await A.ListAsync(ImagesApi.Filters(("since", first), ("label", $"run={run}")))));
        Assert.Equal([first], Ids(await A.ListAsync(ImagesApi.Filters(("before", second[7..19]), ("label", $"run={run}")))));
        Assert.Equal([second], Ids(await A.ListAsync(ImagesApi.Filters(("label", $"run={run}"), ("label", "kind=b")))));
    }

    [Fact]
    public async Task Containers_is_minus_one_before_API_151()
    {
        var run = $"{Guid.NewGuid():N}"[..10];
        await A.ImportAsync(RootFilesystems.Tiny(run), $"cnt{run}", $"LABEL run={run}");
        var filter = Uri.EscapeDataString(ImagesApi.Filters(("label", $"run={run}")));

        Assert.Equal(-1, (await A.FetchAsync($"/v1.44/images/json?filters={filter}")).Json[0].GetProperty("Containers").GetInt64());
        Assert.Equal(0, (await A.FetchAsync($"/images/json?filters={filter}")).Json[0].GetProperty("Containers").GetInt64());
    }

    [Fact]
    public async Task Bad_filters_are_400()
    {
        var unknown = await A.FetchAsync("/images/json?filters=" + Uri.EscapeDataString("""{"colour":{"red":true}}"""));
        var dangling = await A.FetchAsync("/images/json?filters=" + Uri.EscapeDataString("""{"dangling":{"maybe":true}}"""));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid filter 'colour'"), (unknown.Status, unknown.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid filter 'dangling=maybe'"), (dangling.Status, dangling.Message));
    }

    static IEnumerable<string?> Ids(IEnumerable<JsonElement> images) => images.Select(i => i.GetProperty("Id").GetString());
}

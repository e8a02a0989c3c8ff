using System.Net;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Images that containers use, as the runtime's GET /containers/json?all=1 reports them: rmi conflicts with Docker's
/// words, forced untags that keep the image, prune skipping used images, and no deletion when the runtime is down.
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class ContainerUsageTests(ContainersFixture platform)
{
    HttpClient Images => platform.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];
    static string ContainerId() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Removing_an_image_a_stopped_container_uses_must_be_forced()
    {
        var name = Unique("stopped");
        var id = await Images.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        var container = ContainerId();
        platform.Runtime.Set((container, id, "exited"));

        var byId = await Images.RemoveAsync(id[7..19]);
        var byTag = await Images.RemoveAsync(name + ":1");

        Assert.Equal((HttpStatusCode.Conflict, $"conflict: unable to delete {id[7..19]} (must be forced) - image is being used by stopped container {container[..12]}"),
            (byId.Status, byId.Message));
        Assert.Equal((HttpStatusCode.Conflict, $"conflict: unable to remove repository reference \"{name}:1\" (must force) - container {container[..12]} is using its referenced image {id[7..19]}"),
            (byTag.Status, byTag.Message));
    }

    [Fact]
    public async Task Forcing_the_tag_away_keeps_the_image_a_stopped_container_uses()
    {
        var name = Unique("forced");
        var id = await Images.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        platform.Runtime.Set((ContainerId(), id, "exited"));

        var forced = await Images.RemoveAsync(name + ":1", force: true);

        Assert.Equal((HttpStatusCode.OK, $$"""[{"Untagged":"{{name}}:1"}]"""), (forced.Status, forced.Text.Trim()));
        Assert.Empty((await Images.InspectAsync(id)).GetProperty("RepoTags").Strings());
        Assert.True(File.Exists(Layered.BlobPath(platform.Root, id)), "the config blob of a kept image stays");
    }

    [Fact]
    public async Task A_running_container_cannot_be_forced_past()
    {
        var id = await Images.ImportAsync(RootFilesystems.Tiny(Unique("running")));
        var container = ContainerId();
        platform.Runtime.Set((container, id, "running"));

        var forced = await Images.RemoveAsync(id, force: true);

        Assert.Equal((HttpStatusCode.Conflict, $"conflict: unable to delete {id[7..19]} (cannot be forced) - image is being used by running container {container[..12]}"),
            (forced.Status, forced.Message));
    }

    [Fact]
    public async Task Prune_skips_images_containers_use()
    {
        var run = Unique("");
        var used = await Images.ImportAsync(RootFilesystems.Tiny("used" + run), null, $"LABEL usage={run}");
        var unused = await Images.ImportAsync(RootFilesystems.Tiny("unused" + run), null, $"LABEL usage={run}");
        platform.Runtime.Set((ContainerId(), used, "exited"));

        var pruned = await Images.SendAsync(HttpMethod.Post, "/v1.51/images/prune?filters=" + Uri.EscapeDataString(ImagesApi.Filters(("label", $"usage={run}"))));

        Assert.Equal(HttpStatusCode.OK, pruned.Status);
        Assert.Equal([unused], pruned.Json.GetProperty("ImagesDeleted").EnumerateArray().Select(e => e.GetProperty("Deleted").GetString()));
        Assert.Equal(used, (await Images.InspectAsync(used)).GetProperty("Id").GetString());
        Assert.True(File.Exists(Layered.BlobPath(platform.Root, used)));
        Assert.False(File.Exists(Layered.BlobPath(platform.Root, unused)));
    }

    [Fact]
    public async Task The_list_counts_the_containers_of_each_image()
    {
        var name = Unique("count");
        var id = await Images.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        platform.Runtime.Set((ContainerId(), id, "running"), (ContainerId(), id, "exited"));

        var listed = Assert.Single(await Images.ListAsync(ImagesApi.Filters(("reference", name))));

        Assert.Equal(2, listed.GetProperty("Containers").GetInt64());
    }

    [Fact]
    public async Task When_the_runtime_cannot_answer_nothing_is_deleted()
    {
        var name = Unique("down");
        var id = await Images.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        platform.Runtime.Set();
        platform.Runtime.Unreachable = true;
        try
        {
            var removed = await Images.RemoveAsync(name + ":1", force: true);
            var pruned = await Images.SendAsync(HttpMethod.Post, "/v1.51/images/prune?filters=" + Uri.EscapeDataString(ImagesApi.Filters(("dangling", "false"))));
            var listed = await Images.ListAsync(ImagesApi.Filters(("reference", name)));

            Assert.Equal(HttpStatusCode.InternalServerError, removed.Status);
            Assert.StartsWith("cannot tell which containers use images: the runtime at http://127.0.0.1:", removed.Message);
            Assert.Equal(HttpStatusCode.InternalServerError, pruned.Status);
            Assert.Equal(-1, Assert.Single(listed).GetProperty("Containers").GetInt64());
        }
        finally
        {
            platform.Runtime.Unreachable = false;
        }
        Assert.Equal([$"{name}:1"], (await Images.InspectAsync(id)).GetProperty("RepoTags").Strings());
    }
}

using System.Net;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker tag and docker rmi: the reference index, moves, and moby's removal rules, over HTTP.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class TagAndRemoveTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    [Fact]
    public async Task Tag_takes_the_normalised_repo_the_CLI_sends_and_shows_it_familiar()
    {
        var name = Unique("tag");
        var id = await A.ImportAsync(platform.Busybox, name + ":src");

        var reply = await A.SendAsync(HttpMethod.Post, $"/v1.51/images/{name}:src/tag?repo=docker.io/library/{name}&tag=v1");
        await A.TagAsync(id[7..19], $"localhost:5000/{name}", "1");

        Assert.Equal((HttpStatusCode.Created, 0), (reply.Status, reply.Body.Length));
        // Listed in the order of their full form, as moby's reference store sorts them (docker.io/… before localhost…).
        Assert.Equal([$"{name}:src", $"{name}:v1", $"localhost:5000/{name}:1"], (await A.InspectAsync($"{name}:v1")).GetProperty("RepoTags").Strings());
    }

    [Fact]
    public async Task A_moved_tag_leaves_the_old_image()
    {
        var name = Unique("move");
        var old = await A.ImportAsync(RootFilesystems.Tiny("old" + name), name + ":x");
        var replacement = await A.ImportAsync(RootFilesystems.Tiny("new" + name), name + ":y");

        await A.TagAsync(replacement, name, "x");

        Assert.Empty((await A.InspectAsync(old)).GetProperty("RepoTags").Strings());
        Assert.Equal(replacement, (await A.InspectAsync(name + ":x")).GetProperty("Id").GetString());
    }

    [Fact]
    public async Task Concurrent_moves_leave_the_tag_on_exactly_one_image()
    {
        var name = Unique("race");
        var first = await A.ImportAsync(RootFilesystems.Tiny("1" + name), name + ":one");
        var second = await A.ImportAsync(RootFilesystems.Tiny("2" + name), name + ":two");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => A.TagAsync(i % 2 == 0 ? first : second, name, "contested")));

        var holders = (await A.ListAsync(ImagesApi.Filters(("reference", $"{name}:contested")))).ToList();
        var holder = Assert.Single(holders).GetProperty("Id").GetString();
        var other = holder == first ? second : first;
        Assert.DoesNotContain($"{name}:contested", (await A.InspectAsync(other)).GetProperty("RepoTags").Strings());
        Assert.Equal(holder, (await A.InspectAsync($"{name}:contested")).GetProperty("Id").GetString());
    }

    [Fact]
    public async Task Rmi_untags_while_other_tags_remain_and_deletes_with_the_last()
    {
        var name = Unique("rmi");
        var id = await A.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        await A.TagAsync(id, name, "2");

        var untag = await A.RemoveAsync(name + ":1");
        var delete = await A.RemoveAsync(name + ":2");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (untag.Status, untag.ContentType));
        Assert.Equal($$"""[{"Untagged":"{{name}}:1"}]""", untag.Text.Trim());
        Assert.Equal($$"""[{"Untagged":"{{name}}:2"},{"Deleted":"{{id}}"}]""", delete.Text.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await A.FetchAsync($"/images/{id}/json")).Status);
    }

    [Fact]
    public async Task Rmi_by_id_of_an_image_in_two_repositories_needs_force()
    {
        var name = Unique("two");
        var id = await A.ImportAsync(RootFilesystems.Tiny(name), name + "a:1");
        await A.TagAsync(id, name + "b", "1");

        var refused = await A.RemoveAsync(id[7..19]);
        var forced = await A.RemoveAsync(id[7..19], force: true);

        Assert.Equal((HttpStatusCode.Conflict, $"conflict: unable to delete {id[7..19]} (must be forced) - image is referenced in multiple repositories"),
            (refused.Status, refused.Message));
        Assert.Equal($$"""[{"Untagged":"{{name}}a:1"},{"Untagged":"{{name}}b:1"},{"Deleted":"{{id}}"}]""", forced.Text.Trim());
    }

    [Fact]
    public async Task Removing_a_missing_image_is_404_and_a_blank_name_400()
    {
        var name = Unique("gone");

        Assert.Equal($"No such image: {name}:latest", (await A.RemoveAsync(name)).Message);
        Assert.Equal(HttpStatusCode.BadRequest, (await A.RemoveAsync("%20")).Status);
    }

    [Fact]
    public async Task Bad_tag_requests_are_400()
    {
        var id = await A.ImportAsync(RootFilesystems.Tiny(Guid.NewGuid().ToString()));

        var badRepo = await A.SendAsync(HttpMethod.Post, $"/images/{id}/tag?repo=bad..repo&tag=1");
        var badTag = await A.SendAsync(HttpMethod.Post, $"/images/{id}/tag?repo=good&tag=-bad");
        var digest = await A.SendAsync(HttpMethod.Post, $"/images/{id}/tag?repo=good@{id}");
        var missing = await A.SendAsync(HttpMethod.Post, $"/images/{Unique("none")}/tag?repo=good&tag=1");

        Assert.Equal((HttpStatusCode.BadRequest, "invalid reference format"), (badRepo.Status, badRepo.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid tag format"), (badTag.Status, badTag.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "cannot import digest reference"), (digest.Status, digest.Message));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}

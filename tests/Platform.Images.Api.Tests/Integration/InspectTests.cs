using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker image inspect and history: Docker's shapes per API version, name resolution, errors.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class InspectTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    [Fact]
    public async Task Inspect_has_Dockers_shape_for_API_151()
    {
        var repo = Unique("shape");
        var id = await A.ImportAsync(platform.Busybox, repo, "CMD [\"sh\"]");

        var reply = await A.FetchAsync($"/v1.51/images/{repo}/json");
        Assert.Equal("application/json", reply.ContentType);
        var image = reply.Json;
        Assert.Equal(["Id", "RepoTags", "RepoDigests", "Parent", "Comment", "Created", "DockerVersion", "Author", "Config",
            "Architecture", "Os", "Size", "GraphDriver", "RootFS", "Metadata"], image.PropertyNames());
        Assert.Equal(id, image.GetProperty("Id").GetString());
        Assert.Equal([repo + ":latest"], image.GetProperty("RepoTags").Strings());
        Assert.Empty(image.GetProperty("RepoDigests").Strings());
        Assert.Equal("Imported from -", image.GetProperty("Comment").GetString());
        var created = DateTimeOffset.Parse(image.GetProperty("Created").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("Z", image.GetProperty("Created").GetString());
        Assert.Equal(("amd64", "linux"), (image.GetProperty("Architecture").GetString(), image.GetProperty("Os").GetString()));
        Assert.Equal(["Cmd", "Entrypoint", "Env", "Labels", "OnBuild", "User", "Volumes", "WorkingDir"], image.GetProperty("Config").PropertyNames());
        Assert.Equal(["sh"], image.GetProperty("Config").GetProperty("Cmd").Strings());
        Assert.Equal("layers", image.GetProperty("RootFS").GetProperty("Type").GetString());
        Assert.Equal("overlay2", image.GetProperty("GraphDriver").GetProperty("Name").GetString());
        Assert.True(DateTimeOffset.TryParse(image.GetProperty("Metadata").GetProperty("LastTagTime").GetString(), CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task API_144_clients_get_the_whole_container_config_set()
    {
        var id = await A.ImportAsync(platform.Busybox, Unique("old"));

        var config = (await A.FetchAsync($"/v1.44/images/{id}/json")).Json.GetProperty("Config");
        Assert.Equal(["AttachStderr", "AttachStdin", "AttachStdout", "Cmd", "Domainname", "Entrypoint", "Env", "Hostname", "Image",
            "Labels", "OnBuild", "OpenStdin", "StdinOnce", "Tty", "User", "Volumes", "WorkingDir"], config.PropertyNames());
        Assert.Equal(JsonValueKind.False, config.GetProperty("Tty").ValueKind);
    }

    [Fact]
    public async Task Images_resolve_by_full_id_short_id_and_prefixed_short_id()
    {
        var id = await A.ImportAsync(RootFilesystems.Tiny(Guid.NewGuid().ToString()), Unique("ids"));

        foreach (var name in new[] { id, id[7..], id[7..19], "sha256:" + id[7..19] })
            Assert.Equal(id, (await A.InspectAsync(name)).GetProperty("Id").GetString());
    }

    [Fact]
    public async Task A_missing_image_is_404_No_such_image_with_its_default_tag()
    {
        var name = Unique("nope");
        var reply = await A.FetchAsync($"/v1.44/images/{name}/json");

        Assert.Equal((HttpStatusCode.NotFound, "application/json", $"No such image: {name}:latest"), (reply.Status, reply.ContentType, reply.Message));
        Assert.Equal($"No such image: localhost:5000/{name}:1", (await A.FetchAsync($"/images/localhost:5000/{name}:1/json")).Message);
    }

    [Fact]
    public async Task A_malformed_reference_is_400_with_Dockers_message()
    {
        var upper = await A.FetchAsync("/images/Foo/json");
        var bad = await A.FetchAsync("/images/bad..name/json");

        Assert.Equal((HttpStatusCode.BadRequest, "invalid reference format: repository name (library/Foo) must be lowercase"), (upper.Status, upper.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid reference format"), (bad.Status, bad.Message));
    }

    [Fact]
    public async Task History_lists_the_import_with_the_image_id_and_tags()
    {
        var repo = Unique("hist");
        var id = await A.ImportAsync(platform.Busybox, repo + ":1");

        var history = (await A.FetchAsync($"/images/{repo}:1/history")).Json.EnumerateArray().ToList();
        var entry = Assert.Single(history);
        Assert.Equal(["Comment", "Created", "CreatedBy", "Id", "Size", "Tags"], entry.PropertyNames());
        Assert.Equal((id, "Imported from -", "", (long)platform.Busybox.Length),
            (entry.GetProperty("Id").GetString(), entry.GetProperty("Comment").GetString(), entry.GetProperty("CreatedBy").GetString(), entry.GetProperty("Size").GetInt64()));
        Assert.Equal([repo + ":1"], entry.GetProperty("Tags").Strings());
    }

    [Fact]
    public async Task Unknown_routes_are_page_not_found_and_ping_is_not_served_here()
    {
        foreach (var path in new[] { "/_ping", "/v1.51/images/busybox", "/containers/json" })
        {
            var reply = await A.FetchAsync(path);
            Assert.Equal((HttpStatusCode.NotFound, "application/json", "page not found"), (reply.Status, reply.ContentType, reply.Message));
        }
    }
}

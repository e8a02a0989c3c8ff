using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>Docker's /volumes API over TCP, byte-level where clients care.</summary>
public sealed class VolumesApiTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    HttpClient Http => fixture.Runtime.Http;

    async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Create_answers_201_with_docker_s_volume_shape()
    {
        var name = RuntimeFixture.Unique("api");
        var (status, body, type) = await SendAsync(HttpMethod.Post, "/v1.51/volumes/create",
            $$$"""{"name":"{{{name}}}","driver":"local","labels":{"team":"a"}}""");

        Assert.Equal((HttpStatusCode.Created, "application/json"), (status, type));
        Assert.Equal(["CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(name, body.GetProperty("Name").GetString());
        Assert.Equal("local", body.GetProperty("Driver").GetString());
        Assert.Equal("local", body.GetProperty("Scope").GetString());
        Assert.Equal("a", body.GetProperty("Labels").GetProperty("team").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("Options").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", body.GetProperty("CreatedAt").GetString());
        var mountpoint = body.GetProperty("Mountpoint").GetString()!;
        Assert.Equal(Path.Combine(fixture.Root, "runtime", "volumes", name, "_data"), mountpoint);
        Assert.True(Directory.Exists(mountpoint));
    }

    [Fact]
    public async Task Creating_an_existing_name_returns_the_existing_volume()
    {
        var name = RuntimeFixture.Unique("again");
        var first = await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{name}}}","Labels":{"v":"1"},"DriverOpts":{}}""");
        var second = await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{name}}}","Labels":{"v":"2"}}""");
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal(JsonValueKind.Object, second.Body.GetProperty("Options").ValueKind);
    }

    [Fact]
    public async Task No_name_and_no_body_make_an_anonymous_volume()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Post, "/volumes/create");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Matches("^[0-9a-f]{64}$", body.GetProperty("Name").GetString());
        Assert.Equal("", body.GetProperty("Labels").GetProperty("com.docker.volume.anonymous").GetString());
    }

    [Theory]
    [InlineData("""{"Name":"a/b"}""", 400, "create a/b: \"a/b\" includes invalid characters for a local volume name")]
    [InlineData("""{"Name":"ok1","Driver":"nfs"}""", 404, "create ok1: error looking up volume plugin nfs: plugin \"nfs\" not found")]
    [InlineData("""{"Name":"ok2","DriverOpts":{"colour":"red"}}""", 400, "create ok2: invalid option: \"colour\"")]
    [InlineData("""{"Name":""", 400, "invalid JSON")]
    public async Task Bad_creates_get_docker_s_errors(string json, int status, string message)
    {
        var response = await SendAsync(HttpMethod.Post, "/volumes/create", json);
        Assert.Equal((status, "application/json"), ((int)response.Status, response.ContentType));
        Assert.StartsWith(message, response.Body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Inspect_of_an_unknown_volume_is_404_no_such_volume()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Get, "/volumes/nope-404");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("get nope-404: no such volume", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_filters_by_label_and_name()
    {
        var tag = RuntimeFixture.Unique("tag");
        var a = RuntimeFixture.Unique("lsa");
        var b = RuntimeFixture.Unique("lsb");
        await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{a}}}","Labels":{"{{{tag}}}":"x"}}""");
        await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{b}}}","Labels":{"{{{tag}}}":"y"}}""");

        async Task<string[]> Names(string filters)
        {
            var (status, body, _) = await SendAsync(HttpMethod.Get, "/volumes?filters=" + Uri.EscapeDataString(filters));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(0, body.GetProperty("Warnings").GetArrayLength());
            return [.. body.GetProperty("Volumes").EnumerateArray().Select(v => v.GetProperty("Name").GetString()!)];
        }

        Assert.Equal([a, b], await Names($$$"""{"label":{"{{{tag}}}":true}}"""));
        Assert.Equal([b], await Names($$$"""{"label":{"{{{tag}}}=y":true}}"""));
        Assert.Equal([a], await Names($$$"""{"name":{"{{{a}}}":true}}"""));
        var bad = await SendAsync(HttpMethod.Get, "/volumes?filters=" + Uri.EscapeDataString("""{"colour":{"x":true}}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid filter 'colour'"), (bad.Status, bad.Body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Remove_deletes_the_data_and_force_forgives_a_missing_volume()
    {
        var name = RuntimeFixture.Unique("rm");
        var created = await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{name}}}"}""");
        await File.WriteAllTextAsync(Path.Combine(created.Body.GetProperty("Mountpoint").GetString()!, "f"), "data");

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/volumes/{name}")).Status);
        Assert.False(Directory.Exists(Path.Combine(fixture.Root, "runtime", "volumes", name)));
        var missing = await SendAsync(HttpMethod.Delete, $"/volumes/{name}");
        Assert.Equal((HttpStatusCode.NotFound, $"get {name}: no such volume"), (missing.Status, missing.Body.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/volumes/{name}?force=1")).Status);
    }

    [Fact]
    public async Task Prune_removes_only_anonymous_volumes_unless_all_is_asked()
    {
        var tag = RuntimeFixture.Unique("prune");
        var named = RuntimeFixture.Unique("named");
        await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Name":"{{{named}}}","Labels":{"{{{tag}}}":""}}""");
        var anonymous = (await SendAsync(HttpMethod.Post, "/volumes/create", $$$"""{"Labels":{"{{{tag}}}":""}}""")).Body;
        await File.WriteAllBytesAsync(Path.Combine(anonymous.GetProperty("Mountpoint").GetString()!, "blob"), new byte[5000]);
        var label = Uri.EscapeDataString($$$"""{"label":{"{{{tag}}}":true}}""");

        var (status, report, _) = await SendAsync(HttpMethod.Post, "/volumes/prune?filters=" + label);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([anonymous.GetProperty("Name").GetString()], report.GetProperty("VolumesDeleted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5000, report.GetProperty("SpaceReclaimed").GetInt64());

        var all = Uri.EscapeDataString($$$"""{"label":{"{{{tag}}}":true},"all":{"true":true}}""");
        report = (await SendAsync(HttpMethod.Post, "/volumes/prune?filters=" + all)).Body;
        Assert.Equal([named], report.GetProperty("VolumesDeleted").EnumerateArray().Select(e => e.GetString()));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker save and docker load: the hybrid archive, and round trips into another host's fresh root.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class SaveLoadTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;
    HttpClient B => platform.ImagesB.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    [Fact]
    public async Task Save_writes_an_OCI_layout_that_is_also_a_docker_archive()
    {
        var name = Unique("save");
        var id = await A.ImportAsync(platform.Busybox, name + ":1");
        await A.TagAsync(id, $"localhost:5000/{name}", "2");

        var files = Archives.Read(await A.SaveAsync(name + ":1", $"localhost:5000/{name}"));

        var diffId = Archives.Sha256(platform.Busybox)[7..];
        Assert.Equal("""{"imageLayoutVersion": "1.0.0"}""", Encoding.UTF8.GetString(files["oci-layout"]));
        Assert.Equal(platform.Busybox, files["blobs/sha256/" + diffId]);
        Assert.Equal(id, Archives.Sha256(files["blobs/sha256/" + id[7..]]));
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement.EnumerateArray().Single();
        Assert.Equal("blobs/sha256/" + id[7..], manifest.GetProperty("Config").GetString());
        Assert.Equal([name + ":1", $"localhost:5000/{name}:2"], manifest.GetProperty("RepoTags").Strings());
        Assert.Equal(["blobs/sha256/" + diffId], manifest.GetProperty("Layers").Strings());
        var index = JsonDocument.Parse(files["index.json"]).RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal([$"docker.io/library/{name}:1", $"localhost:5000/{name}:2"],
            index.Select(m => m.GetProperty("annotations").GetProperty("io.containerd.image.name").GetString()));
        var ociManifest = JsonDocument.Parse(files["blobs/sha256/" + index[0].GetProperty("digest").GetString()![7..]]).RootElement;
        Assert.Equal("application/vnd.oci.image.layer.v1.tar", ociManifest.GetProperty("layers")[0].GetProperty("mediaType").GetString());
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(files["repositories"]).RootElement.GetProperty($"localhost:5000/{name}").ValueKind);
    }

    [Fact]
    public async Task Saved_images_load_into_a_fresh_root_and_save_back_byte_for_byte()
    {
        var name = Unique("trip");
        var id = await A.ImportAsync(platform.Busybox, name + ":1", "CMD [\"sh\"]");
        await A.TagAsync(id, name, "2");
        var archive = await A.SaveAsync(name);

        var loaded = await B.LoadAsync(archive);

        Assert.Equal((HttpStatusCode.OK, "application/json"), (loaded.Status, loaded.ContentType));
        Assert.Equal([$"Loaded image: {name}:1\n", $"Loaded image: {name}:2\n"], loaded.Messages.Select(m => m.GetProperty("stream").GetString()));
        var onB = await B.InspectAsync(name + ":2");
        Assert.Equal(id, onB.GetProperty("Id").GetString());
        Assert.Equal(["sh"], onB.GetProperty("Config").GetProperty("Cmd").Strings());
        Assert.Equal([name + ":1", name + ":2"], onB.GetProperty("RepoTags").Strings());
        Assert.Equal(archive, await B.SaveAsync(name));
    }

    [Fact]
    public async Task An_untagged_save_loads_as_an_image_id_and_a_replaced_tag_is_reported()
    {
        var name = Unique("untag");
        var id = await A.ImportAsync(RootFilesystems.Tiny(name), name);
        var other = await B.ImportAsync(RootFilesystems.Tiny("other" + name), name);

        var byId = await B.LoadAsync(await A.SaveAsync(id[7..19]));
        var byName = await B.LoadAsync(await A.SaveAsync(name));

        Assert.Equal($"Loaded image ID: {id}\n", byId.Messages.Single().GetProperty("stream").GetString());
        Assert.Equal([$"The image {name}:latest already exists, renaming the old one with ID {other} to empty string\n", $"Loaded image: {name}:latest\n"],
            byName.Messages.Select(m => m.GetProperty("stream").GetString()));
        Assert.Empty((await B.InspectAsync(other)).GetProperty("RepoTags").Strings());
    }

    [Fact]
    public async Task An_OCI_layout_with_a_gzip_layer_loads_and_saves_back_uncompressed()
    {
        var name = $"localhost:5000/{Unique("oci")}:7";
        var tar = RootFilesystems.Tiny(name);
        var config = Archives.Config(Archives.Sha256(tar));
        var archive = Archives.OciLayout(config, RootFilesystems.Gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip", name);

        var loaded = await B.LoadAsync(RootFilesystems.Gzip(archive));

        Assert.Equal($"Loaded image: {name}\n", loaded.Messages.Single().GetProperty("stream").GetString());
        var image = await B.InspectAsync(name);
        Assert.Equal((Archives.Sha256(config), "2025-06-01T10:00:00.5Z"), (image.GetProperty("Id").GetString(), image.GetProperty("Created").GetString()));
        Assert.Equal([Archives.Sha256(tar)], image.GetProperty("RootFS").GetProperty("Layers").Strings());
        var saved = Archives.Read(await B.SaveAsync(name));
        Assert.Equal(tar, saved["blobs/sha256/" + Archives.Sha256(tar)[7..]]);
    }

    [Fact]
    public async Task A_legacy_docker_archive_loads()
    {
        var name = Unique("legacy") + ":3";
        var tar = RootFilesystems.Tiny(name);

        var loaded = await B.LoadAsync(Archives.DockerArchive(Archives.Config(Archives.Sha256(tar)), tar, name));

        Assert.True(loaded.Status == HttpStatusCode.OK, loaded.ToString());
        Assert.Equal(Archives.Sha256(tar), (await B.InspectAsync(name)).GetProperty("RootFS").GetProperty("Layers")[0].GetString());
    }

    [Fact]
    public async Task Saving_a_missing_image_is_404_before_any_tar()
    {
        var name = Unique("absent");
        var reply = await A.FetchAsync($"/images/{name}/get");

        Assert.Equal((HttpStatusCode.NotFound, "application/json", $"No such image: {name}:latest"), (reply.Status, reply.ContentType, reply.Message));
    }
}

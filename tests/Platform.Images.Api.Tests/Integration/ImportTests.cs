using System.Net;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker import against the real service: what is stored, and the config the changes make.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class ImportTests(ImagesPlatformFixture platform)
{
    HttpClient A => platform.ImagesA.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    [Fact]
    public async Task Import_streams_the_id_and_stores_the_rootfs_as_one_uncompressed_layer()
    {
        var repo = Unique("imp") + ":v1";
        var reply = await A.ImportRawAsync(platform.Busybox, repo);

        Assert.Equal((HttpStatusCode.OK, "application/json"), (reply.Status, reply.ContentType));
        var id = reply.Messages[^1].GetProperty("status").GetString()!;
        Assert.Matches("^sha256:[0-9a-f]{64}$", id);
        var image = await A.InspectAsync(repo);
        Assert.Equal(id, image.GetProperty("Id").GetString());
        Assert.Equal([Archives.Sha256(platform.Busybox)], image.GetProperty("RootFS").GetProperty("Layers").Strings());
        var blobs = Path.Combine(platform.RootA, "images", "blobs", "sha256");
        Assert.Equal(platform.Busybox, await File.ReadAllBytesAsync(Path.Combine(blobs, Archives.Sha256(platform.Busybox)[7..])));
        Assert.Equal(id, Archives.Sha256(await File.ReadAllBytesAsync(Path.Combine(blobs, id[7..]))));
    }

    [Fact]
    public async Task A_gzip_body_is_stored_uncompressed_with_the_same_diffid()
    {
        var id = await A.ImportAsync(RootFilesystems.Gzip(platform.Busybox), Unique("gz"));

        var image = await A.InspectAsync(id);
        Assert.Equal([Archives.Sha256(platform.Busybox)], image.GetProperty("RootFS").GetProperty("Layers").Strings());
        Assert.Equal(platform.Busybox.Length, image.GetProperty("Size").GetInt64());
    }

    [Fact]
    public async Task Changes_and_message_shape_the_config()
    {
        var repo = Unique("chg");
        var reply = await A.SendAsync(HttpMethod.Post, $"/images/create?fromSrc=-&repo={repo}&tag=2&message=hello" +
            string.Concat(new[] { "ENTRYPOINT [\"/bin/sh\",\"-c\"]", "CMD [\"echo hi\"]", "ENV A=1 B=\"two words\"", "WORKDIR /srv", "USER nobody",
                "EXPOSE 8080", "LABEL team=images", "VOLUME /data", "STOPSIGNAL SIGQUIT" }.Select(c => "&changes=" + Uri.EscapeDataString(c))),
            platform.Busybox);
        Assert.Equal(HttpStatusCode.OK, reply.Status);

        var image = await A.InspectAsync($"{repo}:2");
        var config = image.GetProperty("Config");
        Assert.Equal("hello", image.GetProperty("Comment").GetString());
        Assert.Equal(["/bin/sh", "-c"], config.GetProperty("Entrypoint").Strings());
        Assert.Equal(["echo hi"], config.GetProperty("Cmd").Strings());
        Assert.Equal(["A=1", "B=two words"], config.GetProperty("Env").Strings());
        Assert.Equal(("/srv", "nobody", "SIGQUIT"), (config.GetProperty("WorkingDir").GetString(), config.GetProperty("User").GetString(), config.GetProperty("StopSignal").GetString()));
        Assert.Equal(["8080/tcp"], config.GetProperty("ExposedPorts").PropertyNames());
        Assert.Equal(["/data"], config.GetProperty("Volumes").PropertyNames());
        Assert.Equal("images", config.GetProperty("Labels").GetProperty("team").GetString());
    }

    [Fact]
    public async Task Concurrent_imports_of_one_rootfs_all_succeed_and_share_its_layer()
    {
        var tar = RootFilesystems.Tiny(Guid.NewGuid().ToString());
        var names = Enumerable.Range(0, 6).Select(_ => Unique("same")).ToList();

        var ids = await Task.WhenAll(names.Select(name => A.ImportAsync(tar, name)));

        foreach (var (name, id) in names.Zip(ids))
        {
            var image = await A.InspectAsync(name);
            Assert.Equal(id, image.GetProperty("Id").GetString());
            Assert.Equal([Archives.Sha256(tar)], image.GetProperty("RootFS").GetProperty("Layers").Strings());
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(platform.RootA, "images", "tmp")));
    }
}

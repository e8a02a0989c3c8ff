using System.Net;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Archives and bodies the service must refuse: a Docker-style 400 {"message"} (nothing was streamed yet), and the
/// store exactly as it was — no new blob, no staging left behind, no image visible.
/// </summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class BadInputTests(ImagesPlatformFixture platform)
{
    HttpClient B => platform.ImagesB.Http;

    public static TheoryData<string, string> Refusals => new()
    {
        { "junk", "invalid tar archive: invalid tar header" },
        { "truncated", "invalid tar archive: unexpected EOF" },
        { "digest-mismatch", "digest mismatch" },
        { "unknown-media-type", "unsupported media type application/vnd.example.thing+json" },
        { "zstd-layer", "unsupported layer media type application/vnd.oci.image.layer.v1.tar+zstd" },
        { "wrong-diffid", "invalid diffID for layer 0" },
        { "layer-not-a-tar", "invalid tar archive" },
        { "bad-repotag", "invalid tag \"Bad/Name\"" },
        { "no-manifest", "invalid archive: does not contain a manifest.json" },
        { "layer-count", "invalid manifest, layers length mismatch: expected 1, got 2" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_archive_is_refused_and_leaves_the_store_as_it_was(string kind, string message)
    {
        var before = await StoreAsync();

        var reply = await B.LoadAsync(Archive(kind));

        Assert.Equal((HttpStatusCode.BadRequest, "application/json"), (reply.Status, reply.ContentType));
        Assert.Contains(message, reply.Message);
        Assert.Equal(before, await StoreAsync());
    }

    [Fact]
    public async Task Bad_import_bodies_are_refused_and_store_nothing()
    {
        var before = await StoreAsync();
        var gzip = RootFilesystems.Gzip(RootFilesystems.Tiny("x"));

        var junk = await B.ImportRawAsync(Archives.Utf8(new string('x', 5000)), "junk");
        var corrupt = await B.ImportRawAsync([.. gzip[..20], .. new byte[200]], "corrupt");
        var empty = await B.ImportRawAsync([], "empty");
        var zstd = await B.ImportRawAsync([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3], "zstd");
        var badChange = await B.ImportRawAsync(RootFilesystems.Tiny("x"), "change", "RUN rm -rf /");

        Assert.All(new[] { junk, corrupt, empty, zstd, badChange }, reply => Assert.Equal((HttpStatusCode.BadRequest, "application/json"), (reply.Status, reply.ContentType)));
        Assert.Equal("invalid tar archive: invalid tar header", junk.Message);
        Assert.Equal("invalid tar archive: the input is empty", empty.Message);
        Assert.Equal("unsupported compression format zstd: send a plain or gzip-compressed tar", zstd.Message);
        Assert.Equal("run is not a valid change command", badChange.Message);
        Assert.Equal(before, await StoreAsync());
    }

    byte[] Archive(string kind)
    {
        var tar = RootFilesystems.Tiny("bad-" + kind);
        var config = Archives.Config(Archives.Sha256(tar));
        return kind switch
        {
            "junk" => Archives.Utf8(new string('j', 3000)),
            "truncated" => Archives.DockerArchive(config, platform.Busybox, "trunc:1")[..60_000],
            "digest-mismatch" => Archives.Write(("oci-layout", Archives.Utf8("{}")), ("index.json", Archives.Utf8("{}")),
                (Archives.Blob(config), Archives.Utf8("not the config"))),
            "unknown-media-type" => Archives.OciLayout(config, tar, "application/vnd.oci.image.layer.v1.tar", "x:1", "application/vnd.example.thing+json"),
            "zstd-layer" => Archives.OciLayout(config, tar, "application/vnd.oci.image.layer.v1.tar+zstd", "x:1"),
            "wrong-diffid" => Archives.DockerArchive(Archives.Config("sha256:" + new string('0', 64)), tar, "wrong:1"),
            "layer-not-a-tar" => NotATar(),
            "bad-repotag" => Archives.DockerArchive(config, tar, "Bad/Name"),
            "no-manifest" => Archives.Write(("hello.txt", Archives.Utf8("hi"))),
            "layer-count" => Archives.DockerArchive(Archives.Config(Archives.Sha256(tar), Archives.Sha256(tar)), tar, "count:1"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    static byte[] NotATar()
    {
        var layer = Archives.Utf8(new string('z', 2000));
        return Archives.DockerArchive(Archives.Config(Archives.Sha256(layer)), layer, "notatar:1");
    }

    /// <summary>What a client or the unpacker could see: the blobs, leftovers in staging, and the images listed.</summary>
    async Task<string> StoreAsync()
    {
        var images = Path.Combine(platform.RootB, "images");
        var blobs = Directory.EnumerateFiles(Path.Combine(images, "blobs", "sha256")).Select(Path.GetFileName).Order();
        var staging = Directory.Exists(Path.Combine(images, "tmp")) ? Directory.EnumerateFileSystemEntries(Path.Combine(images, "tmp")).Count() : 0;
        var listed = (await B.ListAsync(all: true)).Select(i => i.GetProperty("Id").GetString() + string.Join(',', i.GetProperty("RepoTags").Strings()));
        return $"blobs: {string.Join(' ', blobs)}\nstaging: {staging}\nimages: {string.Join(' ', listed.Order())}";
    }
}

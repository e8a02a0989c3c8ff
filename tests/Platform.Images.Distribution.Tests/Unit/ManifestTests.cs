using System.Text;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;

namespace Platform.Images.Distribution.Tests.Unit;

public sealed class ManifestTests
{
    const string Config = """{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2}""";
    static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData(MediaTypes.DockerManifest, $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.DockerManifest}}","config":{{Config}},"layers":[]}""", MediaTypes.DockerManifest)]
    [InlineData("application/json", $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{{Config}},"layers":[]}""", MediaTypes.OciManifest)]
    [InlineData(null, $$"""{"schemaVersion":2,"config":{{Config}},"layers":[]}""", MediaTypes.OciManifest)]
    [InlineData("text/plain; charset=utf-8", """{"schemaVersion":2,"manifests":[]}""", MediaTypes.OciIndex)]
    [InlineData(MediaTypes.DockerManifestList + "; charset=utf-8", """{"schemaVersion":2,"manifests":[]}""", MediaTypes.DockerManifestList)]
    public void The_media_type_comes_from_the_header_then_the_field_then_the_shape(string? contentType, string json, string expected) =>
        Assert.Equal(expected, ImageManifest.Parse(Bytes(json), contentType).MediaType);

    [Theory]
    [InlineData(MediaTypes.DockerSchema1Signed, """{"schemaVersion":1,"name":"x","fsLayers":[]}""", "schema 1 is not supported")]
    [InlineData("application/vnd.example.thing+json", """{"schemaVersion":2,"mediaType":"application/vnd.example.thing+json"}""", "unsupported manifest media type \"application/vnd.example.thing+json\"")]
    [InlineData(MediaTypes.OciIndex, $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{{Config}}}""", "has Content-Type")]
    [InlineData(MediaTypes.OciManifest, """{"schemaVersion":2,"layers":[]}""", "no config")]
    [InlineData(MediaTypes.OciManifest, "not json", "invalid manifest")]
    public void Unusable_manifests_are_clear_errors(string contentType, string json, string message)
    {
        var error = Assert.ThrowsAny<RegistryException>(() => ImageManifest.Parse(Bytes(json), contentType));

        Assert.Contains(message, error.Message);
    }

    static OciDescriptor Entry(string os, string arch, string? variant = null, string digestChar = "a") => new()
    {
        MediaType = MediaTypes.OciManifest, Digest = "sha256:" + new string(digestChar[0], 64), Size = 1,
        Platform = new ImagePlatform { Os = os, Architecture = arch, Variant = variant },
    };

    [Fact]
    public void The_platform_match_prefers_a_variantless_entry_and_honours_a_requested_variant()
    {
        OciDescriptor[] entries =
        [
            new() { MediaType = MediaTypes.OciManifest, Digest = "sha256:" + new string('0', 64), Size = 1 }, // attestation-like, no platform
            Entry("linux", "arm", "v6", "1"), Entry("linux", "arm", "v7", "2"),
            Entry("linux", "amd64", "v3", "3"), Entry("linux", "amd64", null, "4"),
            Entry("linux", "arm64", null, "5"), Entry("windows", "amd64", null, "6"),
        ];

        Assert.Equal('4', PlatformMatcher.Select(entries, ImagePlatform.LinuxAmd64)!.Digest[^1]);
        Assert.Equal('2', PlatformMatcher.Select(entries, ImagePlatform.Parse("linux/arm/v7"))!.Digest[^1]);
        Assert.Equal('5', PlatformMatcher.Select(entries, ImagePlatform.Parse("linux/arm64/v8"))!.Digest[^1]);
        Assert.Equal('6', PlatformMatcher.Select(entries, ImagePlatform.Parse("windows/amd64"))!.Digest[^1]);
        Assert.Null(PlatformMatcher.Select(entries, ImagePlatform.Parse("linux/s390x")));
        Assert.Equal('3', PlatformMatcher.Select([entries[3]], ImagePlatform.LinuxAmd64)!.Digest[^1]); // only a variant: take it
    }
}

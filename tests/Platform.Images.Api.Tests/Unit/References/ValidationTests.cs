using Platform.Images.References;

namespace Platform.Images.Api.Tests.Unit.References;

/// <summary>Invalid references fail with distribution/reference's own messages (Docker shows them verbatim).</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData("https://github.com/docker/docker")]
    [InlineData("-docker")]
    [InlineData("-docker/docker")]
    [InlineData("docker-/docker")]
    [InlineData("docker///docker")]
    [InlineData("docker/")]
    [InlineData("____/____")]
    [InlineData("_docker/_docker")]
    [InlineData("dock..er/docker")]
    [InlineData("dock_.er/docker")]
    [InlineData("[fc00::1]:5000")]
    [InlineData("fc00::1:5000/debian")]
    [InlineData("[fe80::1%eth0]:5000/debian")]
    [InlineData("busybox:")]
    [InlineData("busybox:-tag")]
    [InlineData("bad name")]
    [InlineData("busybox\n")]
    [InlineData("a:b:c")]
    [InlineData("busybox@sha256:abc")]
    public void Malformed_references_are_an_invalid_reference_format(string typed)
    {
        var error = Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized(typed));

        Assert.StartsWith("invalid reference format", error.Message);
    }

    [Theory]
    [InlineData("Foo", "invalid reference format: repository name (library/Foo) must be lowercase")]
    [InlineData("Foo:Bar", "invalid reference format: repository name (library/Foo) must be lowercase")]
    [InlineData("docker/Docker", "invalid reference format: repository name (docker/Docker) must be lowercase")]
    [InlineData("localhost:5000/App", "invalid reference format: repository name (App) must be lowercase")]
    public void Uppercase_repositories_name_the_repository(string typed, string message) =>
        Assert.Equal(message, Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized(typed)).Message);

    [Fact]
    public void A_64_hex_name_is_an_id_not_a_repository() =>
        Assert.Equal("invalid repository name (" + new string('a', 64) + "), cannot specify 64-byte hexadecimal strings",
            Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized(new string('a', 64))).Message);

    [Fact]
    public void A_repository_longer_than_255_characters_is_refused() =>
        Assert.Equal("repository name must not be more than 255 characters",
            Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized(new string('a', 256) + "/docker")).Message);

    [Theory]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef01234567", "invalid checksum digest length")]
    [InlineData("busybox@md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [InlineData("busybox@sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", "invalid checksum digest format")]
    public void Digests_are_validated_as_go_digest_does(string typed, string message) =>
        Assert.Equal(message, Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized(typed)).Message);

    [Theory]
    [InlineData("")]
    [InlineData("-bad")]
    [InlineData("a/b")]
    [InlineData("x:y")]
    public void Bad_tags_are_an_invalid_tag_format(string tag) =>
        Assert.Equal("invalid tag format",
            Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized("busybox").WithTag(tag)).Message);

    [Fact]
    public void The_longest_tag_is_128_characters()
    {
        Assert.Equal(new string('t', 128), ImageReferences.ParseNormalized("busybox").WithTag(new string('t', 128)).Tag);
        Assert.Throws<ReferenceFormatException>(() => ImageReferences.ParseNormalized("busybox").WithTag(new string('t', 129)));
    }
}

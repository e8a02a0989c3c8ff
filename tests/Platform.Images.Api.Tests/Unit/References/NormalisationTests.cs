using Platform.Images.References;

namespace Platform.Images.Api.Tests.Unit.References;

/// <summary>ParseNormalizedNamed: what users type becomes the full reference; the familiar form is what Docker shows.</summary>
public sealed class NormalisationTests
{
    [Theory]
    [InlineData("busybox", "docker.io/library/busybox", "busybox")]
    [InlineData("busybox:latest", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("docker.io/library/busybox:1.36", "docker.io/library/busybox:1.36", "busybox:1.36")]
    [InlineData("docker.io/busybox", "docker.io/library/busybox", "busybox")]
    [InlineData("index.docker.io/library/busybox", "docker.io/library/busybox", "busybox")]
    [InlineData("index.docker.io/busybox:2", "docker.io/library/busybox:2", "busybox:2")]
    [InlineData("library/busybox", "docker.io/library/busybox", "busybox")]
    [InlineData("library/foo/bar", "docker.io/library/foo/bar", "library/foo/bar")]
    [InlineData("testcontainers/ryuk:0.14.0", "docker.io/testcontainers/ryuk:0.14.0", "testcontainers/ryuk:0.14.0")]
    [InlineData("localhost/app", "localhost/app", "localhost/app")]
    [InlineData("localhost:5000/app", "localhost:5000/app", "localhost:5000/app")]
    [InlineData("localhost:5000/app:1", "localhost:5000/app:1", "localhost:5000/app:1")]
    [InlineData("host:5000/a/b:tag", "host:5000/a/b:tag", "host:5000/a/b:tag")]
    [InlineData("127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase")]
    [InlineData("example.com/privatebase", "example.com/privatebase", "example.com/privatebase")]
    [InlineData("[fc00::1]:5000/docker/docker", "[fc00::1]:5000/docker/docker", "[fc00::1]:5000/docker/docker")]
    [InlineData("Foo/bar", "Foo/bar", "Foo/bar")]
    [InlineData("test_com/foo", "docker.io/test_com/foo", "test_com/foo")]
    [InlineData("xn--n3h.com:18080/foo", "xn--n3h.com:18080/foo", "xn--n3h.com:18080/foo")]
    [InlineData("dock__er/docker---rules", "docker.io/dock__er/docker---rules", "dock__er/docker---rules")]
    [InlineData("other/library", "docker.io/other/library", "other/library")]
    public void A_name_normalises_and_familiarises(string typed, string full, string familiar)
    {
        var reference = ImageReferences.ParseNormalized(typed);

        Assert.Equal(full, reference.ToString());
        Assert.Equal(familiar, reference.Familiar);
    }

    [Theory]
    [InlineData("busybox", "docker.io", "library/busybox", "busybox")]
    [InlineData("localhost:5000/app", "localhost:5000", "app", "localhost:5000/app")]
    [InlineData("test.com:8080/foo", "test.com:8080", "foo", "test.com:8080/foo")]
    [InlineData("docker.io/library/foo/bar", "docker.io", "library/foo/bar", "library/foo/bar")]
    [InlineData("FOO/bar", "FOO", "bar", "FOO/bar")]
    public void Domain_path_and_familiar_name(string typed, string domain, string path, string familiarName)
    {
        var reference = ImageReferences.ParseNormalized(typed);

        Assert.Equal((domain, path, familiarName), (reference.Domain, reference.Path, reference.FamiliarName));
    }

    [Fact]
    public void A_tag_and_a_digest_are_both_kept_and_the_digest_wins_for_lookup()
    {
        const string digest = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        var reference = ImageReferences.ParseNormalized("busybox:latest@" + digest);

        Assert.Equal("docker.io/library/busybox:latest@" + digest, reference.ToString());
        Assert.Equal("busybox:latest@" + digest, reference.Familiar);
        Assert.Equal("docker.io/library/busybox@" + digest, reference.ForLookup().ToString());
    }

    [Fact]
    public void A_digest_reference_is_canonical_and_has_no_default_tag()
    {
        const string digest = "sha256:7c1a5aa5b5f0a2b4e5c8f6b8b39c3a5f0b1b7e3f2c5a1d6e8f9a0b1c2d3e4f5a";
        var reference = ImageReferences.ParseNormalized("testcontainers/ryuk:0.14.0@" + digest).ForLookup();

        Assert.Equal(("docker.io/testcontainers/ryuk@" + digest, true, false), (reference.ToString(), reference.IsCanonical, reference.IsTagged));
        Assert.Equal(reference, reference.ForLookup());
    }

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest")]
    [InlineData("busybox:1", "docker.io/library/busybox:1")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    public void A_bare_name_gets_latest(string typed, string expected) =>
        Assert.Equal(expected, ImageReferences.ParseNormalized(typed).WithDefaultTag().ToString());

    [Fact]
    public void Parsing_the_full_form_again_is_the_identity()
    {
        foreach (var typed in new[] { "busybox", "localhost:5000/app:1", "a/b/c:d", "docker.io/library/x@sha256:" + new string('a', 64) })
        {
            var full = ImageReferences.ParseNormalized(typed).ToString();
            Assert.Equal(full, ImageReferences.Parse(full).ToString());
            Assert.Equal(full, ImageReferences.ParseNormalized(full).ToString());
        }
    }
}

using Platform.Images.References;

namespace Platform.Images.Api.Tests.Unit.References;

/// <summary>The reference filter of docker images: path.Match globs on the familiar reference, then on the name.</summary>
public sealed class FamiliarMatchTests
{
    [Theory]
    [InlineData("foo", "foo/**/ba[rz]", false)]
    [InlineData("foo/any/bat", "foo/**/ba[rz]", false)]
    [InlineData("foo/a/bar", "foo/**/ba[rz]", true)]
    [InlineData("foo/b/baz", "foo/**/ba[rz]", true)]
    [InlineData("foo/c/baz:tag", "foo/**/ba[rz]", true)]
    [InlineData("foo/c/baz:tag", "foo/*/baz:tag", true)]
    [InlineData("foo/c/baz:tag", "foo/c/baz:tag", true)]
    [InlineData("example.com/foo/c/baz:tag", "*/foo/c/baz", true)]
    [InlineData("example.com/foo/c/baz:tag", "example.com/foo/c/baz", true)]
    [InlineData("busybox:latest", "busybox", true)]
    [InlineData("busybox:latest", "busy*", true)]
    [InlineData("busybox:latest", "busybox:l?test", true)]
    [InlineData("busybox:latest", "busybox:[^a-k]*", true)]
    [InlineData("busybox:latest", "busybox:1*", false)]
    [InlineData("busybox:latest", "docker.io/library/busybox", false)]
    [InlineData("localhost:5000/app:1", "localhost:5000/*", true)]
    [InlineData("localhost:5000/app:1", "*", false)]
    public void Globs_match_the_familiar_reference_or_name(string reference, string pattern, bool expected) =>
        Assert.Equal(expected, FamiliarMatch.Matches(pattern, ImageReferences.ParseNormalized(reference)));

    [Theory]
    [InlineData("[-x]")]
    [InlineData("[x")]
    [InlineData("a\\")]
    [InlineData("[]")]
    public void Bad_patterns_are_a_syntax_error(string pattern) =>
        Assert.Equal(FamiliarMatch.BadPattern, Assert.Throws<FormatException>(() => FamiliarMatch.Compile(pattern)).Message);
}

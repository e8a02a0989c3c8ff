using Platform.Images.References;

namespace Platform.Images.Api.Tests.Unit.References;

/// <summary>ParseAnyReference and id prefixes: how a name that may be an image id is read.</summary>
public sealed class AnyReferenceTests
{
    const string Hex = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    [Theory]
    [InlineData(Hex)]
    [InlineData("sha256:" + Hex)]
    public void A_full_id_is_an_id(string typed)
    {
        var parsed = ImageReferences.ParseAny(typed);

        Assert.Equal(("sha256:" + Hex, (ImageReference?)null), (parsed.ImageId, parsed.Reference));
    }

    [Theory]
    [InlineData("dbcc1", "docker.io/library/dbcc1")]
    [InlineData("dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9", "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9")]
    [InlineData("sha256:dbcc1", "docker.io/library/sha256:dbcc1")]
    [InlineData("redis", "docker.io/library/redis")]
    public void Anything_shorter_is_a_name_first(string typed, string full) =>
        Assert.Equal(full, ImageReferences.ParseAny(typed).Reference!.ToString());

    [Theory]
    [InlineData("dbcc1", true)]
    [InlineData("sha256:dbcc1", true)]
    [InlineData(Hex, true)]
    [InlineData("sha256:" + Hex, true)]
    [InlineData("dbcc2", false)]
    [InlineData("busybox", false)]
    public void Id_prefixes_match_with_or_without_the_algorithm(string typed, bool matches) =>
        Assert.Equal(matches, ImageIds.IsIdPrefix("sha256:" + Hex, typed));

    [Theory]
    [InlineData("dbcc1", "dbcc1")]
    [InlineData("sha256:dbcc1", "dbcc1")]
    [InlineData("DBCC1", null)]
    [InlineData("busybox", null)]
    [InlineData("busybox:latest", null)]
    [InlineData("", null)]
    public void Id_searches_take_lowercase_hex_only(string term, string? prefix)
    {
        var found = ImageIds.TryGetSearchPrefix(term, out var hex);

        Assert.Equal(prefix, found ? hex : null);
    }

    [Fact]
    public void Short_ids_are_twelve_hex_digits() => Assert.Equal("dbcc1c35ac38", ImageIds.Short("sha256:" + Hex));
}

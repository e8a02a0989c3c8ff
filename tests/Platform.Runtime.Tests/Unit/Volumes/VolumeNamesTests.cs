using Platform.Runtime.Volumes;

namespace Platform.Runtime.Tests.Unit.Volumes;

public sealed class VolumeNamesTests
{
    [Theory]
    [InlineData("data")]
    [InlineData("my_vol-1.2")]
    [InlineData("0a")]
    public void Names_of_letters_digits_and_inner_dots_dashes_underscores_are_valid(string name) =>
        Assert.Null(VolumeNames.Validate(name));

    [Theory]
    [InlineData("a/b")]
    [InlineData("_data")]
    [InlineData("-x")]
    [InlineData("has space")]
    [InlineData("./rel")]
    public void Other_names_are_refused_with_docker_s_message(string name) =>
        Assert.Equal(
            $"\"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
            VolumeNames.Validate(name));

    [Fact]
    public void A_single_character_is_too_short() =>
        Assert.Equal("volume name is too short, names should be at least two alphanumeric characters", VolumeNames.Validate("a"));

    [Fact]
    public void Quotes_in_a_name_are_escaped_as_go_s_percent_q() =>
        Assert.StartsWith("\"a\\\"b\\\\c\" includes", VolumeNames.Validate("a\"b\\c"));

    [Fact]
    public void Random_names_are_64_hex_valid_and_distinct()
    {
        var names = Enumerable.Range(0, 50).Select(_ => VolumeNames.Random()).ToList();
        Assert.All(names, n => Assert.Matches("^[0-9a-f]{64}$", n));
        Assert.All(names, n => Assert.Null(VolumeNames.Validate(n)));
        Assert.Equal(50, names.Distinct().Count());
    }
}

using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Containers.Listing;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers;

public sealed class SignalsAndStatusTests
{
    [Theory]
    [InlineData("KILL", 9)]
    [InlineData("SIGTERM", 15)]
    [InlineData("sigusr1", 10)]
    [InlineData("2", 2)]
    [InlineData("RTMIN+1", 35)]
    [InlineData("", 9)]
    public void Signals_parse_by_name_or_number(string text, int expected) => Assert.Equal(expected, Signals.Parse(text, 9));

    [Theory]
    [InlineData("NOPE")]
    [InlineData("0")]
    [InlineData("65")]
    public void Unknown_signals_are_400s(string text) =>
        Assert.Equal(400, Assert.Throws<DockerApiException>(() => Signals.Parse(text, 9)).StatusCode);

    [Theory]
    [InlineData(0.5, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "About a minute")]
    [InlineData(3599, "59 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(3 * 3600, "3 hours")]
    [InlineData(3 * 86400, "3 days")]
    public void Durations_read_like_docker_ps(double seconds, string expected) =>
        Assert.Equal(expected, HumanStatus.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("web", "/web")]
    [InlineData("/web-1.a_b", "/web-1.a_b")]
    public void Valid_names_get_their_slash(string requested, string expected) => Assert.Equal(expected, ContainerNames.Normalize(requested));

    [Theory]
    [InlineData("a")]
    [InlineData("-bad")]
    [InlineData("with space")]
    [InlineData("über")]
    public void Invalid_names_are_docker_s_400(string requested)
    {
        var error = Assert.Throws<DockerApiException>(() => ContainerNames.Normalize(requested));

        Assert.Equal($"Invalid container name ({requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", error.Message);
    }
}

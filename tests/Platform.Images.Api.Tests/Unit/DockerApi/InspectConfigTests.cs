using System.Text.Json;
using Platform.Images.DockerApi;
using Platform.Images.DockerApi.Inspecting;
using Platform.Images.Images.Format;

namespace Platform.Images.Api.Tests.Unit.DockerApi;

/// <summary>Inspect's Config per API version, as moby's legacyConfigFields shape it; and Go's time format.</summary>
public sealed class InspectConfigTests
{
    static JsonElement Config(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void From_API_150_the_image_config_plus_the_eight_fields_that_were_never_omitted() =>
        Assert.Equal("""{"Cmd":["/bin/sh"],"Entrypoint":null,"Env":null,"Labels":null,"OnBuild":null,"StopSignal":"SIGQUIT","User":"","Volumes":null,"WorkingDir":""}""",
            InspectConfig.Build(Config("""{"Hostname":"x","Cmd":["/bin/sh"],"StopSignal":"SIGQUIT","Env":[],"ArgsEscaped":false}"""), new Version(1, 51)).ToJsonString());

    [Fact]
    public void Before_API_150_the_whole_container_config_set() =>
        Assert.Equal("""{"AttachStderr":false,"AttachStdin":false,"AttachStdout":false,"Cmd":["/bin/sh"],"Domainname":"","Entrypoint":null,"Env":null,"Hostname":"","Image":"","Labels":null,"OnBuild":null,"OpenStdin":false,"StdinOnce":false,"StopSignal":"SIGQUIT","Tty":false,"User":"","Volumes":null,"WorkingDir":""}""",
            InspectConfig.Build(Config("""{"Cmd":["/bin/sh"],"StopSignal":"SIGQUIT"}"""), new Version(1, 44)).ToJsonString());

    [Fact]
    public void No_config_at_all_is_the_defaults() =>
        Assert.Equal("""{"Cmd":null,"Entrypoint":null,"Env":null,"Labels":null,"OnBuild":null,"User":"","Volumes":null,"WorkingDir":""}""",
            InspectConfig.Build(null, new Version(1, 51)).ToJsonString());

    [Theory]
    [InlineData("2024-01-02T03:04:05.120000000Z", "2024-01-02T03:04:05.12Z")]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.000Z", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.123456789+02:00", "2024-01-02T03:04:05.123456789+02:00")]
    [InlineData("2024-01-02T03:04:05+00:00", "2024-01-02T03:04:05+00:00")]
    public void Created_is_echoed_as_Go_formats_it(string config, string shown) => Assert.Equal(shown, GoTime.Normalize(config));

    [Fact]
    public void Times_are_written_RFC3339_with_a_trimmed_fraction()
    {
        Assert.Equal("2026-03-04T05:06:07Z", GoTime.Rfc3339Nano(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero)));
        Assert.Equal("2026-03-04T03:06:07.25Z", GoTime.Rfc3339Nano(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 250, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Filters_accept_both_encodings_and_refuse_unknown_keys()
    {
        Assert.Equal(["busybox"], DockerFilters.Parse("""{"reference":{"busybox":true}}""", "reference").Get("reference"));
        Assert.Equal(["busybox"], DockerFilters.Parse("""{"reference":["busybox"]}""", "reference").Get("reference"));
        Assert.Equal("invalid filter 'nope'",
            Assert.Throws<Platform.Images.Images.ImageError>(() => DockerFilters.Parse("""{"nope":{"x":true}}""", "reference")).Message);
    }

    [Fact]
    public void Until_reads_durations_dates_and_unix_seconds()
    {
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(-90), DockerTimestamps.Parse("1h30m", now));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), DockerTimestamps.Parse("2026-01-02", now));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMilliseconds(500), DockerTimestamps.Parse("1700000000.5", now));
    }
}

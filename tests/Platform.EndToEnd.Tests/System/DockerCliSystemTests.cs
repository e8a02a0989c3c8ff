using Platform.Testing;
namespace Platform.EndToEnd.Tests.System;

[Collection(PlatformCollection.Name)]
public sealed class DockerCliSystemTests(PlatformFixture platform)
{
    public static TheoryData<string> Endpoints => new() { "unix", "tcp" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Docker_version_shows_a_server_that_negotiated_api_1_51(string endpoint)
    {
        var result = await DockerCli.RunAsync(platform.DockerHost(endpoint), "version");

        Assert.True(result.ExitCode == 0, result.ToString());
        var server = result.Stdout[result.Stdout.IndexOf("Server:", StringComparison.Ordinal)..];
        Assert.Contains("API version:      1.51 (minimum version 1.44)", server);
        Assert.Contains("OS/Arch:          linux/amd64", server);
        Assert.Contains("Engine:", server);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Docker_info_describes_this_host(string endpoint)
    {
        var result = await DockerCli.RunAsync(platform.DockerHost(endpoint), "info", "--format",
            "{{.ID}}|{{.NCPU}}|{{.OSType}}|{{.Architecture}}|{{.DockerRootDir}}|{{.Swarm.LocalNodeState}}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{platform.HostId}|{Environment.ProcessorCount}|linux|x86_64|{platform.Root}|inactive", result.Stdout.Trim());
    }

    [Fact]
    public async Task The_cli_reports_a_missing_route_as_docker_does()
    {
        // `docker inspect` of an unknown name walks container → image → network → volume → plugin on 404s.
        var result = await DockerCli.RunAsync(platform.DockerHost("unix"), "inspect", "nothing-by-this-name");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nothing-by-this-name", result.Stderr);
    }

    [Fact]
    public async Task An_older_pinned_api_version_is_refused_with_dockers_message()
    {
        var result = await DockerCli.RunAsync(platform.DockerHost("unix"), "--log-level", "error", "version", "--format", "{{.Server.Version}}");
        Assert.True(result.ExitCode == 0, result.ToString());

        using var http = platform.CreateHttpClient();
        var response = await http.GetAsync("/v1.43/version");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("client version 1.43 is too old. Minimum supported API version is 1.44",
            await response.Content.ReadAsStringAsync());
    }
}

using Platform.Testing;

namespace Platform.EndToEnd.Tests.Networking;

/// <summary>
/// A crash of the networking service (kill -9) and its restart: running containers keep their interfaces and
/// addresses (the kernel holds them), and what lived in the process comes back — published ports and DNS names.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NetworkingRestartTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    [Fact]
    public async Task Running_containers_stay_connected_reachable_by_name_and_published_across_a_networking_crash()
    {
        var network = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var web = "web-" + Guid.NewGuid().ToString("N")[..8];
        await DockerCli.SucceedAsync(Host, "network", "create", network);
        try
        {
            await DockerCli.SucceedAsync(Host, "run", "-d", "--name", web, "--network", network, "-p", "127.0.0.1::8080", PlatformFixture.Busybox,
                "sh", "-c", "mkdir -p /www && echo survivor > /www/index.html && exec httpd -f -p 8080 -h /www");
            var port = (await DockerCli.SucceedAsync(Host, "port", web, "8080")).Stdout.Trim().Split(':').Last();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.PollAsync(async () => { try { return await http.GetStringAsync($"http://127.0.0.1:{port}/"); } catch (HttpRequestException) { return ""; } },
                body => body.Length > 0, TimeSpan.FromSeconds(15));

            await platform.RestartServiceAsync("Platform.Networking");

            var byName = await DockerCli.RunAsync(Host, "run", "--rm", "--network", network, PlatformFixture.Busybox,
                "timeout", "5", "wget", "-q", "-O-", $"http://{web}:8080/");
            var published = await http.GetStringAsync($"http://127.0.0.1:{port}/");
            var state = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}}", web);

            Assert.Equal("running", state.Stdout.Trim());
            Assert.Equal("survivor\n", byName.Stdout);
            Assert.Equal("survivor\n", published);
        }
        finally
        {
            await DockerCli.RunAsync(Host, "rm", "-f", web);
            await DockerCli.RunAsync(Host, "network", "rm", network);
        }
    }
}

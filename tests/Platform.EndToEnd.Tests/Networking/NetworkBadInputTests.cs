using System.Net;
using System.Net.Sockets;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Networking;

/// <summary>Refused network requests get Docker's errors and leave nothing behind: no veth, bridge, namespace or listener.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NetworkBadInputTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Overlapping_subnets_duplicate_names_and_invalid_cidrs_are_refused()
    {
        var first = NewName("net");
        await DockerCli.SucceedAsync(Host, "network", "create", "--subnet", "10.198.0.0/16", first);
        try
        {
            var overlap = await DockerCli.RunAsync(Host, "network", "create", "--subnet", "10.198.4.0/24", NewName("net"));
            var duplicate = await DockerCli.RunAsync(Host, "network", "create", first);
            var invalid = await DockerCli.RunAsync(Host, "network", "create", "--subnet", "10.300.0.0/16", NewName("net"));
            var gateway = await DockerCli.RunAsync(Host, "network", "create", "--subnet", "10.197.0.0/16", "--gateway", "10.196.0.1", NewName("net"));

            Assert.Contains("overlaps", overlap.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("already exists", duplicate.Stderr);
            Assert.NotEqual(0, invalid.ExitCode);
            Assert.NotEqual(0, gateway.ExitCode);
        }
        finally
        {
            await DockerCli.RunAsync(Host, "network", "rm", first);
        }
    }

    [Fact]
    public async Task Unknown_in_use_and_predefined_networks_answer_clearly()
    {
        var network = NewName("net");
        var name = NewName("user");
        await DockerCli.SucceedAsync(Host, "network", "create", network);
        await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, "--network", network, PlatformFixture.Busybox, "sleep", "300");
        try
        {
            var unknown = await DockerCli.RunAsync(Host, "run", "--rm", "--network", "no-such-network", PlatformFixture.Busybox, "true");
            var inUse = await DockerCli.RunAsync(Host, "network", "rm", network);
            var predefined = await DockerCli.RunAsync(Host, "network", "rm", "bridge");

            Assert.Contains("network no-such-network not found", unknown.Stderr);
            Assert.Contains("has active endpoints", inUse.Stderr);
            Assert.Contains("pre-defined network", predefined.Stderr);
        }
        finally
        {
            await DockerCli.RunAsync(Host, "rm", "-f", name);
            await DockerCli.RunAsync(Host, "network", "rm", network);
        }
    }

    [Fact]
    public async Task A_taken_port_fails_the_start_cleanly_and_the_container_can_start_once_it_is_free()
    {
        var name = NewName("taken");
        var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        try
        {
            var run = await DockerCli.RunAsync(Host, "run", "-d", "--name", name, "-p", $"127.0.0.1:{port}:8080", PlatformFixture.Busybox, "sleep", "300");
            var state = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}} {{.NetworkSettings.SandboxKey}}", name);
            var id = (await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.Id}}", name)).Stdout.Trim();

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("port is already allocated", run.Stderr);
            Assert.Equal("created", state.Stdout.Trim());
            Assert.False(File.Exists(Path.Combine(platform.RunDir, "networking", "netns", id)), "no namespace is left by a refused start");
            blocker.Stop();
            await DockerCli.SucceedAsync(Host, "start", name);
            Assert.Equal("running", (await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}}", name)).Stdout.Trim());
        }
        finally
        {
            blocker.Stop();
            await DockerCli.RunAsync(Host, "rm", "-f", name);
        }
    }

    [Fact]
    public async Task Removing_containers_and_networks_leaves_no_veth_bridge_or_namespace()
    {
        var network = NewName("net");
        var name = NewName("gone");
        var networkId = (await DockerCli.SucceedAsync(Host, "network", "create", network)).Stdout.Trim();
        var id = (await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, "--network", network, "-p", "127.0.0.1::8080",
            PlatformFixture.Busybox, "sleep", "300")).Stdout.Trim();
        var veth = "pv" + Convert.ToHexStringLower(global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.UTF8.GetBytes($"{id}/{networkId}")))[..11];
        Assert.True(Directory.Exists($"/sys/class/net/{veth}"), $"the container's veth {veth} exists while it runs");

        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
        await DockerCli.SucceedAsync(Host, "network", "rm", network);

        Assert.False(File.Exists(Path.Combine(platform.RunDir, "networking", "netns", id)));
        Assert.False(Directory.Exists($"/sys/class/net/pbr-{networkId[..11]}"), "the network's bridge is removed with it");
        // The veth goes with the container's namespace, which the kernel tears down in the background, shortly after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists($"/sys/class/net/{veth}") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(Directory.Exists($"/sys/class/net/{veth}"), "the container's veth is removed with it");
    }
}

using Xunit;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>Real namespaces, veths and bridges: who can reach whom.</summary>
public sealed class ConnectivityTests : IAsyncLifetime
{
    readonly DataPlaneHarness _plane = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _plane.DisposeAsync().AsTask();

    [Fact]
    public async Task Two_sandboxes_on_one_network_reach_each_other_and_the_host_reaches_them()
    {
        var network = await _plane.NetworkAsync();
        var first = await _plane.ContainerAsync(network, 2);
        var second = await _plane.ContainerAsync(network, 3);

        Assert.True(await Kernel.PingsAsync(first.Path, second.Address), "first → second");
        Assert.True(await Kernel.PingsAsync(second.Path, first.Address), "second → first");
        Assert.True(await Kernel.PingsAsync(first.Path, network.Gateway), "sandbox → its gateway");
        Assert.True(await Kernel.PingsAsync(null, first.Address), "host → sandbox");
    }

    [Fact]
    public async Task A_sandbox_on_another_network_cannot_reach_them()
    {
        var network = await _plane.NetworkAsync();
        var inside = await _plane.ContainerAsync(network, 2);
        var other = await _plane.NetworkAsync();
        var stranger = await _plane.ContainerAsync(other, 2);

        Assert.True(await Kernel.PingsAsync(stranger.Path, other.Gateway), "the stranger's own network works");
        Assert.False(await Kernel.PingsAsync(stranger.Path, inside.Address, expectReply: false), "other network → sandbox");
        Assert.False(await Kernel.PingsAsync(inside.Path, stranger.Address, expectReply: false), "sandbox → other network");
    }

    [Fact]
    public async Task A_sandbox_sees_its_endpoint_as_planned()
    {
        var network = await _plane.NetworkAsync();
        var container = await _plane.ContainerAsync(network, 7);

        var (_, link) = await Kernel.InAsync(container.Path, "ip", "-o", "link", "show", "eth0");
        var (_, address) = await Kernel.InAsync(container.Path, "ip", "-o", "-4", "addr", "show", "eth0");
        var (_, routes) = await Kernel.InAsync(container.Path, "ip", "route", "show", "default");
        var (_, loopback) = await Kernel.InAsync(container.Path, "ip", "-o", "link", "show", "lo");

        Assert.Contains(container.Endpoint.MacAddress, link);
        Assert.Contains("mtu 1500", link);
        Assert.Contains("state UP", link);
        Assert.Contains($"inet {container.Address}/24", address);
        Assert.Contains($"default via {network.Gateway} dev eth0", routes);
        Assert.Contains("<LOOPBACK,UP,LOWER_UP>", loopback);
        Assert.True(Kernel.LinkExists(container.Endpoint.HostInterface));
        Assert.Equal(network.Bridge, Path.GetFileName(File.ResolveLinkTarget($"/sys/class/net/{container.Endpoint.HostInterface}/master", false)?.LinkTarget));
    }
}

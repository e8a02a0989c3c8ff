using Microsoft.Extensions.DependencyInjection;
using Platform.Networking.DataPlane;
using Xunit;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>Every call can be repeated, and removal leaves nothing behind.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    readonly DataPlaneHarness _plane = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _plane.DisposeAsync().AsTask();

    [Fact]
    public async Task Removal_leaves_no_veth_bridge_namespace_or_rule_behind()
    {
        var network = await _plane.NetworkAsync();
        var first = await _plane.ContainerAsync(network, 2);
        var second = await _plane.ContainerAsync(network, 3);
        Assert.Contains(network.Bridge, _plane.Networks.ListBridges());
        Assert.Contains(first.Id, _plane.Sandboxes.ListSandboxes());
        Assert.Contains(second.Id, _plane.Sandboxes.ListSandboxes());

        foreach (var container in new[] { first, second })
        {
            await _plane.Sandboxes.DetachAsync(container.Endpoint, default);
            await _plane.Sandboxes.RemoveSandboxAsync(container.Id, default);
        }
        await _plane.Networks.RemoveNetworkAsync(network, default);

        Assert.DoesNotContain(network.Bridge, _plane.Networks.ListBridges());
        Assert.False(Kernel.LinkExists(network.Bridge));
        Assert.False(Kernel.LinkExists(first.Endpoint.HostInterface) || Kernel.LinkExists(second.Endpoint.HostInterface));
        Assert.DoesNotContain(first.Id, _plane.Sandboxes.ListSandboxes());
        Assert.DoesNotContain(second.Id, _plane.Sandboxes.ListSandboxes());
        Assert.False(Kernel.IsMounted(first.Path) || Kernel.IsMounted(second.Path));
        Assert.Empty(await _plane.Isolation.RulesOfAsync(network.Bridge, default));
        Assert.DoesNotContain(network.Bridge, (await Kernel.RunAsync("iptables", "-S")).Output);
    }

    [Fact]
    public async Task Removing_a_sandbox_takes_its_veth_along()
    {
        var network = await _plane.NetworkAsync();
        var container = await _plane.ContainerAsync(network, 2);

        await _plane.Sandboxes.RemoveSandboxAsync(container.Id, default);

        // The kernel tears a namespace down asynchronously; its veths go with it shortly after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Kernel.LinkExists(container.Endpoint.HostInterface) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(Kernel.LinkExists(container.Endpoint.HostInterface));
    }

    [Fact]
    public async Task Every_call_can_be_repeated_as_a_retry_would()
    {
        var network = await _plane.NetworkAsync();
        await _plane.Networks.EnsureNetworkAsync(network, default);
        var container = await _plane.ContainerAsync(network, 2);

        Assert.Equal(container.Path, await _plane.Sandboxes.CreateSandboxAsync(container.Id, default));
        await _plane.Sandboxes.AttachAsync(container.Endpoint, default);
        Assert.True(await Kernel.PingsAsync(null, container.Address), "reachable after a repeated attach");

        await _plane.Sandboxes.DetachAsync(container.Endpoint, default);
        await _plane.Sandboxes.DetachAsync(container.Endpoint, default);
        await _plane.Sandboxes.AttachAsync(container.Endpoint, default);
        Assert.True(await Kernel.PingsAsync(null, container.Address), "reachable after detach and attach again");

        await _plane.Sandboxes.RemoveSandboxAsync(container.Id, default);
        await _plane.Sandboxes.RemoveSandboxAsync(container.Id, default);
        await _plane.Networks.RemoveNetworkAsync(network, default);
        await _plane.Networks.RemoveNetworkAsync(network, default);
        Assert.Empty(await _plane.Isolation.RulesOfAsync(network.Bridge, default));
    }

    [Fact]
    public async Task A_restarted_service_attaches_to_and_removes_sandboxes_it_did_not_create()
    {
        var network = await _plane.NetworkAsync();
        var container = await _plane.ContainerAsync(network, 2);
        await _plane.Sandboxes.DetachAsync(container.Endpoint, default);

        await using (var restarted = _plane.Start())
        {
            var sandboxes = restarted.GetRequiredService<ISandboxDataPlane>();
            Assert.Contains(container.Id, sandboxes.ListSandboxes());
            await sandboxes.AttachAsync(container.Endpoint, default);
            Assert.True(await Kernel.PingsAsync(null, container.Address), "attached by the restarted instance");
            await sandboxes.DetachAsync(container.Endpoint, default);
            await sandboxes.RemoveSandboxAsync(container.Id, default);
        }

        Assert.False(Kernel.IsMounted(container.Path));
        Assert.False(Kernel.LinkExists(container.Endpoint.HostInterface));
    }

    [Fact]
    public async Task A_network_repaired_by_ensure_gets_its_address_mtu_and_state_back()
    {
        var network = await _plane.NetworkAsync();
        await Kernel.RunAsync("ip", "addr", "flush", "dev", network.Bridge);
        await Kernel.RunAsync("ip", "link", "set", network.Bridge, "down", "mtu", "1400");

        await _plane.Networks.EnsureNetworkAsync(network, default);

        var (_, link) = await Kernel.RunAsync("ip", "-o", "link", "show", network.Bridge);
        var (_, address) = await Kernel.RunAsync("ip", "-o", "-4", "addr", "show", network.Bridge);
        Assert.Contains("mtu 1500", link);
        Assert.Matches("<[A-Z,-]*,UP[,>]", link);
        Assert.Contains($"inet {network.Gateway}/24", address);
    }
}

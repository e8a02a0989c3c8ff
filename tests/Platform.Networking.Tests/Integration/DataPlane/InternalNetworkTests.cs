using Platform.Networking.DataPlane;
using Xunit;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>
/// An internal network forwards nothing off its bridge. The far side is a sandbox on a plain bridge the platform does
/// not own (pto-…), routed through the host: a normal network reaches it when the host forwards, an internal one never.
/// </summary>
public sealed class InternalNetworkTests : IAsyncLifetime
{
    readonly DataPlaneHarness _plane = new();
    readonly NetworkPlan _outside = DataPlaneHarness.PlanNetwork() with { Bridge = "pto-" + DataPlaneHarness.Suffix(8) };

    public async Task InitializeAsync()
    {
        foreach (var command in new[]
        {
            new[] { "ip", "link", "add", _outside.Bridge, "type", "bridge" },
            ["ip", "addr", "add", $"{_outside.Gateway}/24", "dev", _outside.Bridge],
            ["ip", "link", "set", _outside.Bridge, "up"],
        })
        {
            var (exit, output) = await Kernel.RunAsync(command[0], command[1..]);
            Assert.True(exit == 0, $"{string.Join(' ', command)}: {output}");
        }
    }

    public async Task DisposeAsync()
    {
        try { await _plane.DisposeAsync(); }
        finally { await Kernel.RunAsync("ip", "link", "del", _outside.Bridge); }
    }

    [Fact]
    public async Task An_internal_network_forwards_nothing_in_or_out_but_works_on_its_bridge()
    {
        var far = await _plane.ContainerAsync(_outside, 2);
        var sealedOff = await _plane.NetworkAsync(isInternal: true);
        var first = await _plane.ContainerAsync(sealedOff, 2);
        var second = await _plane.ContainerAsync(sealedOff, 3);
        var open = await _plane.NetworkAsync();
        var control = await _plane.ContainerAsync(open, 2);

        Assert.True(await Kernel.PingsAsync(first.Path, second.Address), "within the internal bridge");
        Assert.True(await Kernel.PingsAsync(null, first.Address), "host → internal sandbox");
        Assert.False(await Kernel.PingsAsync(first.Path, far.Address, expectReply: false), "internal → off the bridge");
        Assert.False(await Kernel.PingsAsync(far.Path, first.Address, expectReply: false), "off the bridge → internal");
        if (Kernel.ForwardsIPv4)
            Assert.True(await Kernel.PingsAsync(control.Path, far.Address), "a normal network is forwarded (control)");
    }

    [Fact]
    public async Task The_internal_rules_name_the_bridge_and_go_when_the_network_turns_normal()
    {
        var plan = await _plane.NetworkAsync(isInternal: true);
        var sealedRules = await _plane.Isolation.RulesOfAsync(plan.Bridge, default);

        await _plane.Networks.EnsureNetworkAsync(plan with { Internal = false }, default);
        var openRules = await _plane.Isolation.RulesOfAsync(plan.Bridge, default);

        Assert.Equal(5, sealedRules.Count);
        Assert.Contains($"-A PLATFORM-ISOLATION-1 ! -i {plan.Bridge} -o {plan.Bridge} -j DROP", sealedRules);
        Assert.Equal(3, openRules.Count);
        Assert.DoesNotContain(openRules, rule => rule.EndsWith("-j DROP") && rule.Contains("ISOLATION-1"));
    }
}

using Platform.Networking.DataPlane;
using Platform.Networking.Networks;

namespace Platform.Networking.Bridges;

/// <summary>What the data plane is asked to build for a network; only bridge-driver networks with a subnet have one.</summary>
public static class NetworkPlans
{
    public const string MtuOption = "com.docker.network.driver.mtu";

    public static NetworkPlan? For(Network network, string defaultBridge)
    {
        if (network.Driver != "bridge" || network.Subnet is null || network.Gateway is null) return null;
        var mtu = network.Options.TryGetValue(MtuOption, out var text) && int.TryParse(text, out var parsed) && parsed > 0 ? parsed : 1500;
        return new NetworkPlan(network.Id, BridgeNames.For(network, defaultBridge), network.Subnet, network.Gateway, network.Internal, mtu);
    }

    /// <summary>A bridge no network owns: only its name is known.</summary>
    public static NetworkPlan Leftover(string bridge) => new("", bridge, "", "", Internal: false);
}

using Platform.Networking.Addressing;
using Platform.Networking.Bridges;

namespace Platform.Networking.Networks.Predefined;

/// <summary>The networks every host has, as Docker has them: bridge (the default), host and none.</summary>
public static class PredefinedNetworks
{
    static readonly Dictionary<string, string> NoOptions = new();

    public static IReadOnlyList<EnsurePredefinedNetwork> For(string hostId, DefaultBridgeOptions bridge)
    {
        var subnet = Ipv4Subnet.TryParse(bridge.Subnet, out var parsed, out var problem)
            ? parsed
            : throw new InvalidOperationException($"Networking:DefaultBridge:Subnet: invalid subnet {bridge.Subnet}: {problem}");
        var options = new Dictionary<string, string>
        {
            [BridgeNames.Option] = bridge.Name,
            ["com.docker.network.bridge.default_bridge"] = "true",
            ["com.docker.network.bridge.enable_icc"] = "true",
            ["com.docker.network.bridge.enable_ip_masquerade"] = "true",
            ["com.docker.network.bridge.host_binding_ipv4"] = "0.0.0.0",
            [NetworkPlans.MtuOption] = "1500",
        };
        return
        [
            new(NetworkIds.Predefined(hostId, "bridge"), hostId, "bridge", "bridge", subnet.ToString(), Ipv4.Format(subnet.FirstHost), options),
            new(NetworkIds.Predefined(hostId, "host"), hostId, "host", "host", null, null, NoOptions),
            new(NetworkIds.Predefined(hostId, "none"), hostId, "none", "null", null, null, NoOptions),
        ];
    }
}

namespace Platform.Networking.Networks.Predefined;

/// <summary>The networks every host has, as Docker has them: bridge (the default), host and none.</summary>
public static class PredefinedNetworks
{
    public const string BridgeSubnet = "172.17.0.0/16";
    public const string BridgeGateway = "172.17.0.1";

    static readonly Dictionary<string, string> NoOptions = new();

    static readonly Dictionary<string, string> BridgeOptions = new()
    {
        ["com.docker.network.bridge.default_bridge"] = "true",
        ["com.docker.network.bridge.enable_icc"] = "true",
        ["com.docker.network.bridge.enable_ip_masquerade"] = "true",
        ["com.docker.network.bridge.host_binding_ipv4"] = "0.0.0.0",
        ["com.docker.network.driver.mtu"] = "1500",
    };

    public static IReadOnlyList<EnsurePredefinedNetwork> For(string hostId) =>
    [
        new(NetworkIds.Predefined(hostId, "bridge"), hostId, "bridge", "bridge", BridgeSubnet, BridgeGateway, BridgeOptions),
        new(NetworkIds.Predefined(hostId, "host"), hostId, "host", "host", null, null, NoOptions),
        new(NetworkIds.Predefined(hostId, "none"), hostId, "none", "null", null, null, NoOptions),
    ];
}

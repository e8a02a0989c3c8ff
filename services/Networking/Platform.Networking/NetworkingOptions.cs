using Platform.Networking.Addressing;

namespace Platform.Networking;

/// <summary>The "Networking" configuration section: the default bridge and the pools user networks draw subnets from.</summary>
public sealed class NetworkingOptions
{
    public const string Section = "Networking";

    public DefaultBridgeOptions DefaultBridge { get; set; } = new();

    /// <summary>Empty (the default) means <see cref="AddressPool.Defaults"/>; configured pools replace them.</summary>
    public List<AddressPool> AddressPools { get; set; } = [];

    public IReadOnlyList<AddressPool> Pools => AddressPools.Count > 0 ? AddressPools : AddressPool.Defaults;
}

public sealed class DefaultBridgeOptions
{
    /// <summary>The interface of the predefined "bridge" network (Docker's docker0).</summary>
    public string Name { get; set; } = "platform0";

    public string Subnet { get; set; } = "172.17.0.0/16";
}

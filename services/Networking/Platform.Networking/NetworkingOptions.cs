using Platform.Networking.Addressing;

namespace Platform.Networking;

/// <summary>
/// The "Networking" configuration section: the default bridge, the pools user networks draw subnets from, and where
/// the journal of this host's networking state lives.
/// </summary>
public sealed class NetworkingOptions
{
    public const string Section = "Networking";

    public DefaultBridgeOptions DefaultBridge { get; set; } = new();

    /// <summary>Empty (the default) means <see cref="AddressPool.Defaults"/>; configured pools replace them.</summary>
    public List<AddressPool> AddressPools { get; set; } = [];

    public IReadOnlyList<AddressPool> Pools => AddressPools.Count > 0 ? AddressPools : AddressPool.Defaults;

    /// <summary>The journal's directory; empty (the default) means {Platform:Root}/networking/state.</summary>
    public string StateDir { get; set; } = "";

    public string StateDirectory(string root) => StateDir.Length > 0 ? StateDir : Path.Combine(root, NetworkingModule.ServiceName, "state");
}

public sealed class DefaultBridgeOptions
{
    /// <summary>The interface of the predefined "bridge" network (Docker's docker0).</summary>
    public string Name { get; set; } = "platform0";

    public string Subnet { get; set; } = "172.17.0.0/16";
}

using Platform.Runtime.Containers.Model;

namespace Platform.Runtime.Containers.Networking;

/// <summary>What a starting container's network is: the namespace to enter and what its /etc files say.</summary>
public sealed record NetworkAttachment(
    string? NamespacePath, bool HostNetwork, ContainerNetworkState? State, string? IpAddress,
    IReadOnlyList<string>? Nameservers, IReadOnlyList<string> ExtraHosts)
{
    /// <summary>--network none: a namespace of its own with loopback only, made by the OCI runtime.</summary>
    public static readonly NetworkAttachment Isolated = new(null, false, null, null, null, []);
}

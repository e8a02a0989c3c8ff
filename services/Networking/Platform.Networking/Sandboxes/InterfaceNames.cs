using System.Security.Cryptography;
using System.Text;

namespace Platform.Networking.Sandboxes;

/// <summary>Host-side veth names: "pv" + 11 hex of the container and network, stable so a retry finds the same one.</summary>
public static class InterfaceNames
{
    public static string HostEnd(string containerId, string networkId) =>
        "pv" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(containerId + "/" + networkId)))[..11];

    /// <summary>eth0 for the first network, then the lowest free ethN.</summary>
    public static string ContainerEnd(IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        for (var n = 0; ; n++) if (!used.Contains($"eth{n}")) return $"eth{n}";
    }
}

using System.Net.NetworkInformation;

namespace Platform.Networking.DataPlane.Netlink;

internal static class MacAddress
{
    /// <summary>"02:42:0a:00:00:02" (or with dashes) as the six bytes IFLA_ADDRESS carries.</summary>
    public static byte[] Parse(string mac)
    {
        var bytes = PhysicalAddress.Parse(mac).GetAddressBytes();
        return bytes.Length == 6 ? bytes : throw new FormatException($"'{mac}' is not an Ethernet address");
    }
}

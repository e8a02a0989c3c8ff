using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>An IPv4 address with its prefix length, host bits allowed: "10.0.0.2/24".</summary>
internal readonly record struct Cidr(IPAddress Address, byte PrefixLength)
{
    public static Cidr Parse(string text)
    {
        var slash = text.IndexOf('/');
        var address = IPAddress.Parse(slash < 0 ? text : text[..slash]);
        var prefix = slash < 0 ? 32 : int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (address.AddressFamily != AddressFamily.InterNetwork || prefix is < 0 or > 32)
            throw new FormatException($"'{text}' is not an IPv4 address with a prefix length");
        return new Cidr(address, (byte)prefix);
    }

    public override string ToString() => $"{Address}/{PrefixLength}";
}

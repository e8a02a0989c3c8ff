using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Addressing;

/// <summary>IPv4 addresses as 32-bit numbers, so subnets and allocation are plain arithmetic.</summary>
public static class Ipv4
{
    /// <summary>Dotted quad only ("172.18.0.2"); IPv6 and shorthand forms are refused.</summary>
    public static bool TryParse(string? text, out uint address)
    {
        address = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Count(c => c == '.') != 3) return false;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork) return false;
        address = BinaryPrimitives.ReadUInt32BigEndian(parsed.GetAddressBytes());
        return true;
    }

    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}";

    /// <summary>Docker's MAC for an address: 02:42 then the four address bytes.</summary>
    public static string MacFor(uint address) =>
        $"02:42:{address >> 24:x2}:{(address >> 16) & 0xff:x2}:{(address >> 8) & 0xff:x2}:{address & 0xff:x2}";
}

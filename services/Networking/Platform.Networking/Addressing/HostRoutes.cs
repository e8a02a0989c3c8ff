using System.Buffers.Binary;
using System.Globalization;

namespace Platform.Networking.Addressing;

/// <summary>The subnets this host already routes (so a new network's subnet does not shadow them).</summary>
public interface IHostRoutes
{
    IReadOnlyList<Ipv4Subnet> Subnets();
}

/// <summary>Reads /proc/net/route: destination and mask are little-endian hex; the default route is left out.</summary>
public sealed class ProcNetRoutes(string path = "/proc/net/route") : IHostRoutes
{
    public IReadOnlyList<Ipv4Subnet> Subnets() => File.Exists(path) ? Parse(File.ReadAllLines(path)) : [];

    public static IReadOnlyList<Ipv4Subnet> Parse(IEnumerable<string> lines)
    {
        var subnets = new List<Ipv4Subnet>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t', ' ').Where(f => f.Length > 0).ToArray();
            if (fields.Length < 8 || !TryHex(fields[1], out var destination) || !TryHex(fields[7], out var mask) || mask == 0) continue;
            var prefix = System.Numerics.BitOperations.PopCount(mask);
            subnets.Add(new Ipv4Subnet(destination & mask, prefix));
        }
        return subnets;
    }

    static bool TryHex(string text, out uint value)
    {
        value = 0;
        if (!uint.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var raw)) return false;
        value = BinaryPrimitives.ReverseEndianness(raw);
        return true;
    }
}

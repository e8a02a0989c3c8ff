namespace Platform.Networking.Addressing;

/// <summary>An IPv4 CIDR block: its network address and prefix length.</summary>
public readonly record struct Ipv4Subnet(uint Network, int Prefix)
{
    public uint Mask => Prefix == 0 ? 0 : uint.MaxValue << (32 - Prefix);
    public uint Broadcast => Network | ~Mask;
    public ulong Size => 1UL << (32 - Prefix);

    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>Two blocks overlap when one contains the other's network address.</summary>
    public bool Overlaps(Ipv4Subnet other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>The first host address (the default gateway, as Docker picks it).</summary>
    public uint FirstHost => Prefix >= 31 ? Network : Network + 1;

    public override string ToString() => $"{Ipv4.Format(Network)}/{Prefix}";

    /// <summary>"10.1.0.0/16"; a host address with bits outside the mask is refused, as moby refuses it.</summary>
    public static bool TryParse(string? text, out Ipv4Subnet subnet, out string? problem)
    {
        subnet = default;
        problem = "invalid CIDR block notation";
        var slash = text?.IndexOf('/') ?? -1;
        if (slash < 0 || !Ipv4.TryParse(text![..slash], out var address)) return false;
        if (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out var prefix) || prefix > 32) return false;
        subnet = new Ipv4Subnet(address, prefix);
        if ((address & subnet.Mask) != address)
        {
            problem = $"it should be {new Ipv4Subnet(address & subnet.Mask, prefix)}";
            return false;
        }
        problem = null;
        return true;
    }

    public static Ipv4Subnet Parse(string text) =>
        TryParse(text, out var subnet, out var problem) ? subnet : throw new FormatException($"invalid subnet {text}: {problem}");
}

using Platform.Networking.Networks;

namespace Platform.Networking.Addressing;

/// <summary>Picks a subnet for a network created without one: the first pool subnet nothing else on the host uses.</summary>
public static class SubnetAllocator
{
    public static Ipv4Subnet Next(IReadOnlyList<AddressPool> pools, IReadOnlyCollection<Ipv4Subnet> taken)
    {
        foreach (var pool in pools)
            foreach (var candidate in pool.Subnets())
                if (!taken.Any(candidate.Overlaps))
                    return candidate;
        throw NetworkError.Unavailable("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }
}

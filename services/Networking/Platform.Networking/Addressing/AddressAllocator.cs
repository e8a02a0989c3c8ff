using Platform.Networking.Networks;

namespace Platform.Networking.Addressing;

/// <summary>
/// Hands out a network's addresses, pure: a requested one must be inside the subnet and free; otherwise the next
/// free one after the most recently allocated (wrapping), inside the IP range when there is one, never the network,
/// broadcast, gateway or an auxiliary address.
/// </summary>
public static class AddressAllocator
{
    public static uint Allocate(Network network, string? requested)
    {
        var subnet = Ipv4Subnet.Parse(network.Subnet!);
        var reserved = Reserved(network, subnet);
        if (!string.IsNullOrEmpty(requested)) return Requested(network, subnet, requested, reserved);

        var range = network.IPRange is { } r ? Ipv4Subnet.Parse(r) : subnet;
        var first = Math.Max(range.Network, subnet.Network + 1);
        var last = Math.Min(range.Broadcast, subnet.Broadcast - 1);
        if (subnet.Prefix >= 31 || first > last) throw Exhausted(network);
        var start = Ipv4.TryParse(network.LastAllocated, out var previous) && previous >= first && previous < last ? previous + 1 : first;
        for (ulong i = 0, count = (ulong)last - first + 1; i < count; i++)
        {
            var candidate = (uint)(first + ((ulong)start - first + i) % count);
            if (!reserved.Contains(candidate)) return candidate;
        }
        throw Exhausted(network);
    }

    static uint Requested(Network network, Ipv4Subnet subnet, string requested, HashSet<uint> reserved)
    {
        if (!Ipv4.TryParse(requested, out var address))
            throw NetworkError.BadRequest($"invalid IPv4 address: {requested}");
        if (!subnet.Contains(address) || address == subnet.Network || address == subnet.Broadcast)
            throw NetworkError.BadRequest($"invalid address {requested}: it is not a host address of subnet {subnet} of network {network.Name}");
        if (reserved.Contains(address)) throw NetworkError.Conflict($"Address already in use: {requested} on network {network.Name}");
        return address;
    }

    static HashSet<uint> Reserved(Network network, Ipv4Subnet subnet)
    {
        var reserved = new HashSet<uint> { subnet.Network, subnet.Broadcast };
        foreach (var text in network.Endpoints.Select(e => e.Address).Concat(network.AuxiliaryAddresses.Values).Append(network.Gateway))
            if (Ipv4.TryParse(text, out var address)) reserved.Add(address);
        return reserved;
    }

    static NetworkError Exhausted(Network network) =>
        NetworkError.Unavailable($"no available IPv4 addresses on network {network.Name} ({network.Subnet}{(network.IPRange is { } r ? ", range " + r : "")})");
}

using Platform.Networking.Networks;

namespace Platform.Networking.Addressing;

/// <summary>
/// Docker's IPAM rules for a new network, pure: a user's subnet must be a valid block that overlaps no other network
/// of the host, the gateway, range and auxiliary addresses must lie inside it; without a subnet one is drawn from the
/// pools, skipping what other networks and the host's own routes use. The gateway defaults to the first host address.
/// </summary>
public static class Ipam
{
    public static AddressPlan Plan(
        IpamRequest request, IReadOnlyCollection<Ipv4Subnet> networks, IReadOnlyCollection<Ipv4Subnet> hostRoutes,
        IReadOnlyList<AddressPool> pools)
    {
        if (string.IsNullOrEmpty(request.Subnet))
        {
            if (!string.IsNullOrEmpty(request.IPRange) || !string.IsNullOrEmpty(request.Gateway) || request.AuxiliaryAddresses is { Count: > 0 })
                throw NetworkError.BadRequest("invalid network config:\nip-range, gateway and auxiliary addresses need a subnet");
            var drawn = SubnetAllocator.Next(pools, [.. networks, .. hostRoutes]);
            return new AddressPlan(drawn.ToString(), Ipv4.Format(drawn.FirstHost), null, new Dictionary<string, string>(), FromPool: true);
        }

        if (!Ipv4Subnet.TryParse(request.Subnet, out var subnet, out var problem))
            throw NetworkError.BadRequest($"invalid network config:\ninvalid subnet {request.Subnet}: {problem}");
        if (request.IPRange is { Length: > 0 } range) CheckRange(range, subnet);
        var gateway = request.Gateway is { Length: > 0 } given ? Inside(given, subnet, "gateway " + given) : subnet.FirstHost;
        foreach (var (name, aux) in request.AuxiliaryAddresses ?? new Dictionary<string, string>())
            Inside(aux, subnet, "auxiliary address " + name);
        if (networks.Any(subnet.Overlaps))
            throw NetworkError.Forbidden("invalid pool request: Pool overlaps with other one on this address space");
        return new AddressPlan(subnet.ToString(), Ipv4.Format(gateway), request.IPRange is { Length: > 0 } ? request.IPRange : null,
            request.AuxiliaryAddresses ?? new Dictionary<string, string>(), FromPool: false);
    }

    static void CheckRange(string range, Ipv4Subnet subnet)
    {
        if (!Ipv4Subnet.TryParse(range, out var parsed, out var problem))
            throw NetworkError.BadRequest($"invalid network config:\ninvalid ip-range {range}: {problem}");
        if (!subnet.Contains(parsed.Network) || parsed.Prefix < subnet.Prefix)
            throw NetworkError.BadRequest($"invalid network config:\ninvalid ip-range {range}: it must be within subnet {subnet}");
    }

    static uint Inside(string text, Ipv4Subnet subnet, string what)
    {
        if (!Ipv4.TryParse(text, out var address))
            throw NetworkError.BadRequest($"invalid network config:\ninvalid {what}: invalid address");
        if (!subnet.Contains(address))
            throw NetworkError.BadRequest($"invalid network config:\ninvalid {what}: it must be in subnet {subnet}");
        return address;
    }
}

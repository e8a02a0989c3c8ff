namespace Platform.Networking.Addressing;

/// <summary>What a user asked of IPAM for a new network (one IPAM.Config entry, or nothing).</summary>
public sealed record IpamRequest(
    string? Subnet = null, string? IPRange = null, string? Gateway = null,
    IReadOnlyDictionary<string, string>? AuxiliaryAddresses = null);

/// <summary>The addressing a network gets: its subnet, gateway, optional allocation range and reserved addresses.</summary>
/// <param name="FromPool">True when the subnet came from the address pools rather than from the user.</param>
public sealed record AddressPlan(
    string Subnet, string Gateway, string? IPRange, IReadOnlyDictionary<string, string> AuxiliaryAddresses, bool FromPool);

using Marten;
using Platform.Networking.Addressing;

namespace Platform.Networking.Networks;

/// <summary>What a decision about one network needs to know about the rest of its host.</summary>
public sealed record HostContext(IReadOnlyList<Network> Networks, IReadOnlyList<Ipv4Subnet> Routes, IReadOnlyList<AddressPool> Pools)
{
    public IReadOnlyList<Ipv4Subnet> Subnets =>
        [.. Networks.Where(n => n.Exists && n.Subnet is not null).Select(n => Ipv4Subnet.Parse(n.Subnet!))];
}

/// <summary>Reads of the host's networks: from the snapshot documents (at startup), and Docker's name resolution.</summary>
public static class HostNetworks
{
    public static async Task<IReadOnlyList<Network>> ListHostNetworksAsync(this IQuerySession session, string hostId, CancellationToken ct) =>
        await session.Query<Network>().Where(n => n.HostId == hostId && n.RemovedAt == null).ToListAsync(ct);

    /// <summary>Docker's lookup order: the exact id, then the exact name, then a unique id prefix.</summary>
    public static Network? Resolve(this IReadOnlyList<Network> networks, string idOrName)
    {
        if (idOrName.Length == 0) return null;
        if (networks.FirstOrDefault(n => n.Id == idOrName) is { } byId) return byId;
        if (networks.FirstOrDefault(n => n.Name == idOrName) is { } byName) return byName;
        var byPrefix = networks.Where(n => n.Id.StartsWith(idOrName, StringComparison.Ordinal)).Take(2).ToList();
        return byPrefix.Count switch
        {
            1 => byPrefix[0],
            0 => null,
            _ => throw NetworkError.BadRequest($"network {idOrName} is ambiguous ({byPrefix.Count} matches found based on ID prefix)"),
        };
    }
}

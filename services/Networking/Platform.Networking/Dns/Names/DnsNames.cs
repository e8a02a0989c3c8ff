using System.Net;

namespace Platform.Networking.Dns.Names;

/// <summary>
/// Container names held in memory, as Docker's embedded DNS sees them: each endpoint registers its address and
/// names (container name, aliases, short id) on one network; a client sees the names on every network its own
/// address has an endpoint on. Names are case-insensitive; a name shared by several endpoints yields them all.
/// A linear scan under a lock: a host has tens to hundreds of endpoints, and registrations are rare next to queries
/// only in number, not in cost.
/// </summary>
public sealed class DnsNames : IDnsNames
{
    readonly Lock gate = new();
    readonly Dictionary<string, Endpoint> endpoints = new();

    sealed record Endpoint(string NetworkId, IPAddress Address, HashSet<string> Names);

    /// <summary>Adds the endpoint, or replaces what it registered before.</summary>
    public void Register(string networkId, string endpointId, IPAddress address, IEnumerable<string> names)
    {
        var normalised = names.Select(Normalise).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        lock (gate) endpoints[endpointId] = new Endpoint(networkId, Plain(address), normalised);
    }

    public void Unregister(string endpointId)
    {
        lock (gate) endpoints.Remove(endpointId);
    }

    public IReadOnlyList<IPAddress> Resolve(IPAddress client, string name)
    {
        var (asker, wanted) = (Plain(client), Normalise(name));
        lock (gate)
        {
            var networks = endpoints.Values.Where(e => e.Address.Equals(asker)).Select(e => e.NetworkId).ToHashSet();
            if (networks.Count == 0) return [];
            return endpoints.Values
                .Where(e => networks.Contains(e.NetworkId) && e.Names.Contains(wanted))
                .Select(e => e.Address).Distinct().ToList();
        }
    }

    static string Normalise(string name) => name.TrimEnd('.').ToLowerInvariant();

    static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

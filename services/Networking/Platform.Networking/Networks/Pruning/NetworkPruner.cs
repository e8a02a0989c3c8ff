using Platform.Networking.Networks.Removing;

namespace Platform.Networking.Networks.Pruning;

/// <summary>
/// Removes every user network of the host without endpoints that the filters select; a network that gains an
/// endpoint meanwhile is skipped, as Docker skips it. Returns the removed networks' names.
/// </summary>
public sealed class NetworkPruner(NetworkStreams streams, NetworkRemover remover)
{
    public async Task<IReadOnlyList<string>> PruneAsync(Func<Network, bool> selected, CancellationToken ct)
    {
        var candidates = streams.List()
            .Where(n => !n.Predefined && n.Endpoints.Count == 0 && selected(n))
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        var removed = new List<string>();
        foreach (var network in candidates)
        {
            try
            {
                await remover.RemoveAsync(network.Id, ct);
                removed.Add(network.Name);
            }
            catch (NetworkError error) when (error.Status is 403 or 404) { }
        }
        return removed;
    }
}

using Platform.Networking.Networks;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>docker network prune filters: until (created before), label and label! (label absent or different).</summary>
public static class PruneFilters
{
    public static Func<Network, bool> Parse(string? json, DateTimeOffset now)
    {
        var filters = DockerFilters.Parse(json, "until", "label", "label!");
        DateTimeOffset? until = filters.Get("until") switch
        {
            [] => null,
            [var one] => DockerTimestamps.Parse(one, now),
            _ => throw NetworkError.BadRequest("invalid filter 'until': more than one value"),
        };
        var excluded = filters.Get("label!");
        return network =>
            (until is not { } u || network.CreatedAt < u)
            && filters.MatchesLabels(network.Labels)
            && !excluded.Any(l => HasLabel(network.Labels, l));
    }

    static bool HasLabel(IReadOnlyDictionary<string, string> labels, string filter)
    {
        var eq = filter.IndexOf('=');
        return eq < 0 ? labels.ContainsKey(filter) : labels.TryGetValue(filter[..eq], out var value) && value == filter[(eq + 1)..];
    }
}

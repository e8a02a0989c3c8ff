using Platform.Networking.Networks;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>docker network ls filters: name (substring), id (prefix), label, driver, type (custom|builtin), scope, dangling.</summary>
public static class NetworkFilters
{
    static readonly string[] Accepted = ["name", "id", "label", "driver", "type", "scope", "dangling"];

    public static Func<Network, bool> Parse(string? json)
    {
        var filters = DockerFilters.Parse(json, Accepted);
        foreach (var type in filters.Get("type"))
            if (type is not ("custom" or "builtin")) throw NetworkError.BadRequest($"invalid filter: 'type'='{type}'");
        bool? dangling = filters.Contains("dangling") ? filters.Bool("dangling", absent: false) : null;
        return network =>
            Any(filters, "name", v => network.Name.Contains(v, StringComparison.Ordinal))
            && Any(filters, "id", v => network.Id.StartsWith(v, StringComparison.Ordinal))
            && Any(filters, "driver", v => network.Driver == v)
            && Any(filters, "scope", v => network.Scope == v)
            && Any(filters, "type", v => network.Predefined == (v == "builtin"))
            && filters.MatchesLabels(network.Labels)
            && dangling switch
            {
                true => !network.Predefined && network.Endpoints.Count == 0,
                false => network.Predefined || network.Endpoints.Count > 0,
                null => true,
            };
    }

    /// <summary>A filter given several values matches when any of them does; an absent filter matches everything.</summary>
    static bool Any(DockerFilters filters, string key, Func<string, bool> match) =>
        filters.Get(key) is not { Count: > 0 } values || values.Any(match);
}

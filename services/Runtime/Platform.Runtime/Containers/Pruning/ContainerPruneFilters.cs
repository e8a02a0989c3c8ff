using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Pruning;

/// <summary>
/// docker container prune's filters: until (created before a time or duration ago), label (every one must match)
/// and label! (none may match); both label forms take "key" or "key=value".
/// </summary>
public sealed class ContainerPruneFilters(DockerFilters filters, DateTimeOffset? until)
{
    public static ContainerPruneFilters Parse(string? json, DateTimeOffset now)
    {
        var filters = DockerFilters.Parse(json, "until", "label", "label!");
        var until = filters.Get("until") switch
        {
            [] => (DateTimeOffset?)null,
            [var value] => DockerTimestamps.Parse(value, now),
            _ => throw DockerApiException.BadRequest("more than one until filter specified"),
        };
        return new ContainerPruneFilters(filters, until);
    }

    public bool Matches(Container c)
    {
        if (until is { } bound && c.Created > bound) return false;
        if (!filters.MatchesLabels(c.Config.Labels)) return false;
        return !filters.Get("label!").Any(unwanted => HasLabel(c.Config.Labels, unwanted));
    }

    static bool HasLabel(IReadOnlyDictionary<string, string>? labels, string wanted)
    {
        var eq = wanted.IndexOf('=');
        var key = eq < 0 ? wanted : wanted[..eq];
        return labels is not null && labels.TryGetValue(key, out var value) && (eq < 0 || value == wanted[(eq + 1)..]);
    }
}

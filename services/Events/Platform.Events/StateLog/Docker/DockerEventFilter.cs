using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.StateLog.Docker;

/// <summary>
/// The filters of GET /events as moby applies them: values of one key are alternatives, keys all apply; type and
/// event match exactly (event also by its part before ":", as "exec_start: sh"), container/network/volume by id,
/// id prefix or name, image by id or name with or without its tag, label by key or key=value. Pure.
/// </summary>
public sealed class DockerEventFilter(DockerFilters filters)
{
    public static readonly string[] Keys = ["type", "event", "container", "image", "network", "volume", "label", "scope", "daemon", "plugin", "node", "service", "secret", "config"];

    public bool Includes(LogEntry e)
    {
        var name = e.Attributes.GetValueOrDefault("name") ?? "";
        return Exact("type", e.Type)
            && (Exact("event", e.Action) || Exact("event", e.Action.Split(':')[0]))
            && (!filters.Contains("scope") || filters.Get("scope").Contains("local"))
            && TypedName("container", e, name) && TypedName("network", e, name) && TypedName("volume", e, name)
            && Image(e)
            && filters.MatchesLabels(e.Attributes);
    }

    bool Exact(string key, string value) => !filters.Contains(key) || filters.Get(key).Contains(value);

    /// <summary>moby's fuzzy match on the actor: any event whose actor id (or its prefix) or name is given.</summary>
    bool TypedName(string key, LogEntry e, string name) =>
        !filters.Contains(key) || filters.Get(key).Any(v => e.ActorId.StartsWith(v, StringComparison.Ordinal) || name == v);

    bool Image(LogEntry e)
    {
        if (!filters.Contains("image")) return true;
        var image = e.Attributes.GetValueOrDefault(e.Type == "image" ? "name" : "image") ?? "";
        return filters.Get("image").Any(v => v == e.ActorId || v == image || v == StripTag(e.ActorId) || v == StripTag(image));
    }

    static string StripTag(string reference)
    {
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash && !reference.Contains('@') ? reference[..colon] : reference;
    }
}

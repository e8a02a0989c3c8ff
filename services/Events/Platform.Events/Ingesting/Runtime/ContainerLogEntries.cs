using Platform.Events.StateLog;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>
/// Container events as Docker logs them: type "container", actor id = the container id, attributes built in moby's
/// order — the action's own (exitCode, signal, oldName), then every label over them, then "image" (when known) and
/// "name" over everything. One resource per container, "container:&lt;id&gt;" (ids are random, unique in the fleet).
/// </summary>
static class ContainerLogEntries
{
    static readonly Dictionary<string, string> NoLabels = [];

    public static LogEntryRecorded Entry(
        Guid messageId, string action, string containerId, string hostId, string name, string image,
        IReadOnlyDictionary<string, string> labels, DateTimeOffset at, params (string Key, string Value)[] own)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in own) attributes[key] = value;
        foreach (var (key, value) in labels ?? NoLabels) attributes[key] = value; // null only from a malformed publisher
        if (image.Length > 0) attributes["image"] = image;
        attributes["name"] = name;
        return new LogEntryRecorded(
            Resource: $"container:{containerId}",
            messageId,
            Type: "container",
            Action: action,
            hostId,
            Service: "runtime",
            ActorId: containerId,
            Attributes: attributes,
            at);
    }
}

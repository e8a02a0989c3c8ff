using System.Text.Json;

namespace Platform.Events.StateLog.Docker;

/// <summary>
/// One line of GET /events as moby writes it: Type, Action, Actor{ID, Attributes}, scope, time, timeNano, and the
/// legacy status/id/from that the CLI's default format still reads for containers and images.
/// </summary>
public static class DockerEventMessage
{
    public static void Write(Utf8JsonWriter json, LogEntry e)
    {
        json.WriteStartObject();
        if (e.Type is "container" or "image")
        {
            json.WriteString("status", e.Action);
            json.WriteString("id", e.ActorId);
            if (e.Type == "container" && e.Attributes.TryGetValue("image", out var image)) json.WriteString("from", image);
        }
        json.WriteString("Type", e.Type);
        json.WriteString("Action", e.Action);
        json.WriteStartObject("Actor");
        json.WriteString("ID", e.ActorId);
        json.WriteStartObject("Attributes");
        foreach (var (key, value) in e.Attributes) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("scope", "local");
        var nanos = (e.HappenedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        json.WriteNumber("time", nanos / 1_000_000_000);
        json.WriteNumber("timeNano", nanos);
        json.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Docker;

namespace Platform.Events.Webhooks.Sending;

/// <summary>
/// A state log entry as a CloudEvents 1.0 structured-mode JSON document: id = the event id (stable across retries and
/// redeliveries), source = the host and service it happened on, type "platform.&lt;type&gt;.&lt;action&gt;", subject = the
/// resource, data = the event exactly as Docker's GET /events shows it, and the extension "position" = its place in
/// the state log.
/// </summary>
public static class CloudEvent
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";

    /// <summary>"exec_start: sh -c …" is Docker's action; the CloudEvents type keeps the verb.</summary>
    public static string TypeOf(LogEntry e) => $"platform.{e.Type}.{e.Action.Split(':', 2)[0]}";

    public static byte[] Serialize(LogEntry e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", e.Id.ToString());
            json.WriteString("source", $"/hosts/{e.HostId}/{e.Service}");
            json.WriteString("type", TypeOf(e));
            json.WriteString("subject", $"{e.Type}/{e.ActorId}");
            json.WriteString("time", e.HappenedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("datacontenttype", "application/json");
            json.WriteNumber("position", e.Position);
            json.WritePropertyName("data");
            DockerEventMessage.Write(json, e);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

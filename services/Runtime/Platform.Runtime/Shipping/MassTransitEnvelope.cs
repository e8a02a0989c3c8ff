using System.Text.Json;

namespace Platform.Runtime.Shipping;

/// <summary>
/// MassTransit's JSON envelope (content type application/vnd.masstransit+json), written without MassTransit:
/// messageId, conversationId, sourceAddress, destinationAddress, messageType[], message, sentTime, headers, host.
/// A message that is not a journal entry (a heartbeat, Sequence 0) carries no journal sequence header.
/// </summary>
public static class MassTransitEnvelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    public static byte[] Write(OutgoingMessage m, string brokerHost, string hostId, DateTimeOffset sentTime)
    {
        using var buffer = new MemoryStream(m.Message.Length + 768);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("messageId", m.MessageId);
            w.WriteString("conversationId", m.MessageId);
            w.WriteString("sourceAddress", $"rabbitmq://{brokerHost}/runtime?host={Uri.EscapeDataString(hostId)}");
            w.WriteString("destinationAddress", $"rabbitmq://{brokerHost}/{m.Exchange}?type=fanout");
            w.WriteStartArray("messageType");
            w.WriteStringValue(m.MessageType);
            w.WriteEndArray();
            w.WritePropertyName("message");
            w.WriteRawValue(m.Message, skipInputValidation: true);
            w.WriteString("sentTime", sentTime);
            w.WriteStartObject("headers");
            w.WriteString("Platform-Host", hostId);
            w.WriteString("Platform-Service", "runtime");
            if (m.Sequence > 0) w.WriteNumber("Platform-Journal-Sequence", m.Sequence);
            w.WriteEndObject();
            w.WriteStartObject("host");
            w.WriteString("machineName", Environment.MachineName);
            w.WriteString("processName", "platform-runtime");
            w.WriteNumber("processId", Environment.ProcessId);
            w.WriteString("assembly", "Platform.Runtime");
            w.WriteString("operatingSystemVersion", Environment.OSVersion.VersionString);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

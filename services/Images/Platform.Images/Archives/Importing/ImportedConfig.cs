using System.Text.Json;
using Platform.Images.Images.Format;

namespace Platform.Images.Archives.Importing;

/// <summary>
/// The image config docker import writes (moby's ImportImage): the run config from the changes, the platform, the
/// creation time, the message as comment and as the single history entry, and one layer. Its digest is the image id.
/// </summary>
public static class ImportedConfig
{
    public static byte[] Write(RunConfig config, ImportPlatform platform, string comment, DateTimeOffset created, string diffId)
    {
        var createdText = GoTime.Rfc3339Nano(created);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (comment.Length > 0) json.WriteString("comment", comment);
            json.WriteString("created", createdText);
            json.WritePropertyName("config");
            config.WriteTo(json);
            json.WriteString("architecture", platform.Architecture);
            if (platform.Variant is { Length: > 0 } variant) json.WriteString("variant", variant);
            json.WriteString("os", platform.Os);
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            json.WriteStringValue(diffId);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", createdText);
            if (comment.Length > 0) json.WriteString("comment", comment);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

/// <summary>The platform an import is recorded for: the host's unless ?platform= says otherwise (linux only).</summary>
public sealed record ImportPlatform(string Os, string Architecture, string? Variant)
{
    public static ImportPlatform Host { get; } = new(HostPlatform.Os, HostPlatform.Architecture, null);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Runtime.Volumes.Api;

/// <summary>POST /volumes/create. Property names match case-insensitively, as Go's encoding/json does.</summary>
public sealed record VolumeCreateBody(
    string? Name, string? Driver, Dictionary<string, string>? DriverOpts, Dictionary<string, string>? Labels)
{
    /// <summary>The body, {} when there is none; null with a Docker-style message when it is not valid JSON.</summary>
    public static async Task<(VolumeCreateBody? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) return (new VolumeCreateBody(null, null, null, null), null);
        try
        {
            return (JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), VolumeRequestJson.Default.VolumeCreateBody)
                    ?? new VolumeCreateBody(null, null, null, null), null);
        }
        catch (JsonException ex)
        {
            return (null, "invalid JSON: " + ex.Message);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(VolumeCreateBody))]
public sealed partial class VolumeRequestJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;

namespace Platform.Images.Distribution;

/// <summary>Every JSON shape the registry client reads or writes, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorsBody))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(AuthConfigJson))]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(OciDescriptor))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(PushAux))]
internal sealed partial class DistributionJson : JsonSerializerContext;

internal sealed class ErrorsBody
{
    [JsonPropertyName("errors")] public List<ErrorEntry>? Errors { get; set; }
}

internal sealed class ErrorEntry
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("detail")] public JsonElement? Detail { get; set; }
}

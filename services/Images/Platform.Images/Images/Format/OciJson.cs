using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Images.Images.Format;

/// <summary>An OCI descriptor: the content's media type, digest and size (plus the optional fields readers keep).</summary>
public sealed record Descriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("annotations")] Dictionary<string, string>? Annotations = null,
    [property: JsonPropertyName("platform")] PlatformSpec? Platform = null);

public sealed record PlatformSpec(
    [property: JsonPropertyName("architecture")] string? Architecture,
    [property: JsonPropertyName("os")] string? Os,
    [property: JsonPropertyName("variant")] string? Variant = null);

/// <summary>An image manifest, OCI or Docker schema2 (same shape; Docker requires mediaType).</summary>
public sealed record ManifestFile(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("config")] Descriptor? Config,
    [property: JsonPropertyName("layers")] List<Descriptor>? Layers);

/// <summary>An image index / manifest list; index.json of an OCI layout is one.</summary>
public sealed record IndexFile(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("manifests")] List<Descriptor>? Manifests);

/// <summary>One entry of a docker save manifest.json.</summary>
public sealed record ArchiveManifestItem(
    string? Config,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] List<string>? RepoTags,
    List<string>? Layers,
    string? Parent = null);

/// <summary>oci-layout.</summary>
public sealed record LayoutFile([property: JsonPropertyName("imageLayoutVersion")] string? ImageLayoutVersion);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ManifestFile))]
[JsonSerializable(typeof(IndexFile))]
[JsonSerializable(typeof(List<ArchiveManifestItem>))]
[JsonSerializable(typeof(LayoutFile))]
[JsonSerializable(typeof(SortedDictionary<string, SortedDictionary<string, string>>))]
public sealed partial class FormatJson : JsonSerializerContext
{
    /// <summary>As Go writes JSON: "+" in media types stays "+" (the default encoder would write \u002B).</summary>
    public static FormatJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    });
}

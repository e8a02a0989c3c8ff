using System.Text.Json.Serialization;
using Platform.Images.Content;

namespace Platform.Images.Distribution.Manifests;

/// <summary>An OCI descriptor as found in manifests and indexes (unknown fields are ignored, never rejected).</summary>
public sealed record OciDescriptor
{
    [JsonPropertyName("mediaType")] public string MediaType { get; init; } = "";
    [JsonPropertyName("digest")] public string Digest { get; init; } = "";
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("urls")] public IReadOnlyList<string>? Urls { get; init; }
    [JsonPropertyName("annotations")] public IReadOnlyDictionary<string, string>? Annotations { get; init; }
    [JsonPropertyName("platform")] public ImagePlatform? Platform { get; init; }
    [JsonPropertyName("artifactType")] public string? ArtifactType { get; init; }

    /// <summary>The digest as a store address; a clear error for algorithms the content store does not hold.</summary>
    public Digest ContentDigest =>
        Content.Digest.TryParse(Digest, out var digest)
            ? digest
            : throw new Errors.RegistryException($"unsupported digest \"{Digest}\" (only sha256 is supported)", 500);
}

/// <summary>The platform of an index entry (<c>os</c>, <c>architecture</c>, optional <c>variant</c>, …).</summary>
public sealed record ImagePlatform
{
    [JsonPropertyName("architecture")] public string Architecture { get; init; } = "";
    [JsonPropertyName("os")] public string Os { get; init; } = "";
    [JsonPropertyName("os.version")] public string? OsVersion { get; init; }
    [JsonPropertyName("os.features")] public IReadOnlyList<string>? OsFeatures { get; init; }
    [JsonPropertyName("variant")] public string? Variant { get; init; }
    [JsonPropertyName("features")] public IReadOnlyList<string>? Features { get; init; }

    public static ImagePlatform LinuxAmd64 { get; } = new() { Os = "linux", Architecture = "amd64" };

    /// <summary>Parses <c>os/arch[/variant]</c> as Docker's <c>platform</c> query parameter.</summary>
    public static ImagePlatform Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
            throw new FormatException($"invalid platform \"{text}\": expected os/arch[/variant]");
        return new() { Os = parts[0], Architecture = parts[1], Variant = parts.Length == 3 ? parts[2] : null };
    }

    public override string ToString() => Variant is { Length: > 0 } v ? $"{Os}/{Architecture}/{v}" : $"{Os}/{Architecture}";
}

internal sealed class ManifestDocument
{
    [JsonPropertyName("schemaVersion")] public int? SchemaVersion { get; set; }
    [JsonPropertyName("mediaType")] public string? MediaType { get; set; }
    [JsonPropertyName("config")] public OciDescriptor? Config { get; set; }
    [JsonPropertyName("layers")] public List<OciDescriptor>? Layers { get; set; }
    [JsonPropertyName("manifests")] public List<OciDescriptor>? Manifests { get; set; }
}

using System.Text.Json;

namespace Platform.Images.Images.Format;

/// <summary>Image manifests this service writes: schema 2, config and layers, nothing else (deterministic bytes).</summary>
public static class Manifests
{
    public static byte[] Write(string mediaType, Descriptor config, IReadOnlyList<Descriptor> layers) =>
        JsonSerializer.SerializeToUtf8Bytes(new ManifestFile(2, mediaType, config, layers.ToList()), FormatJson.Relaxed.ManifestFile);

    /// <summary>
    /// The OCI manifest docker save writes for an image (and load records for a docker archive): the config, and each
    /// layer as an uncompressed tar named by its DiffID.
    /// </summary>
    public static byte[] UncompressedOci(string configDigest, long configSize, IReadOnlyList<(string DiffId, long Size)> layers) =>
        Write(MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, configDigest, configSize),
            layers.Select(l => new Descriptor(MediaTypes.OciLayer, l.DiffId, l.Size)).ToList());

    public static ManifestFile Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json.Span, FormatJson.Relaxed.ManifestFile) ?? throw new FormatException("manifest is null");
        }
        catch (JsonException error)
        {
            throw new FormatException($"invalid manifest: {error.Message}");
        }
    }

    public static IndexFile ParseIndex(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json.Span, FormatJson.Relaxed.IndexFile) ?? throw new FormatException("index is null");
        }
        catch (JsonException error)
        {
            throw new FormatException($"invalid index: {error.Message}");
        }
    }
}

using System.Text.Json;
using Platform.Images.Content;
using Platform.Images.Distribution.Errors;

namespace Platform.Images.Distribution.Manifests;

/// <summary>
/// A manifest or index exactly as stored (<see cref="Bytes"/> are never re-serialised: they are what the digest
/// covers), with its media type and the descriptors it references.
/// </summary>
public sealed record ImageManifest(Digest Digest, string MediaType, byte[] Bytes)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>Image manifests: the config descriptor.</summary>
    public OciDescriptor? Config { get; private init; }

    /// <summary>Image manifests: layers, base first.</summary>
    public IReadOnlyList<OciDescriptor> Layers { get; private init; } = [];

    /// <summary>Indexes: the per-platform manifests.</summary>
    public IReadOnlyList<OciDescriptor> Manifests { get; private init; } = [];

    /// <summary>
    /// Types <paramref name="bytes"/> by <paramref name="contentType"/> when it is a manifest type, else by the JSON
    /// <c>mediaType</c> field, else by shape (OCI allows the field to be absent). Rejects a Content-Type that contradicts
    /// the field, schema1, unknown types and manifests missing their required parts.
    /// </summary>
    public static ImageManifest Parse(byte[] bytes, string? contentType, Digest? digest = null, string? what = null)
    {
        ManifestDocument document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, DistributionJson.Default.ManifestDocument)
                ?? throw new JsonException("null manifest");
        }
        catch (JsonException e)
        {
            throw new RegistryException($"invalid manifest{For(what)}: {e.Message}", 500);
        }

        var header = Normalize(contentType);
        var declared = Normalize(document.MediaType);
        if (IsKnown(header) && declared is not null && declared != header)
            throw new RegistryException($"manifest{For(what)} has Content-Type {header} but mediaType {declared}", 500);
        var mediaType = IsKnown(header) ? header! : declared ?? Sniff(document) ?? header ?? "";

        if (MediaTypes.IsSchema1(mediaType) || document.SchemaVersion == 1)
            throw new RegistryException(
                $"Docker Image manifest version 2, schema 1 is not supported{For(what)}: push the image again in the OCI or Docker schema 2 format", 500);
        if (!IsKnown(mediaType))
            throw new RegistryException($"unsupported manifest media type \"{mediaType}\"{For(what)}", 500);

        var manifest = new ImageManifest(digest ?? Digest.Of(bytes), mediaType, bytes)
        {
            Config = document.Config,
            Layers = document.Layers ?? [],
            Manifests = document.Manifests ?? [],
        };
        if (manifest.IsIndex ? document.Manifests is null : document.Config is null)
            throw new RegistryException($"invalid manifest{For(what)}: {(manifest.IsIndex ? "no manifests" : "no config")}", 500);
        return manifest;
    }

    static bool IsKnown(string? mediaType) =>
        mediaType is not null && (MediaTypes.IsIndex(mediaType) || MediaTypes.IsImageManifest(mediaType));

    static string? Sniff(ManifestDocument document) =>
        document.Manifests is not null ? MediaTypes.OciIndex : document.Config is not null ? MediaTypes.OciManifest : null;

    static string? Normalize(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType)) return null;
        var semicolon = mediaType.IndexOf(';');
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim().ToLowerInvariant();
    }

    static string For(string? what) => what is null ? "" : $" for {what}";
}

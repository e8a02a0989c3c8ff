namespace Platform.Images.Images;

/// <summary>
/// The blobs an image is made of, as recorded when it arrived: its config (whose digest is the image id), the
/// manifest that lists them, and its layers base first. Labels and the creation time are copied out of the config
/// for listing and filtering; everything else is read from the config blob.
/// </summary>
public sealed record ImageContent(
    string ConfigDigest,
    string ConfigMediaType,
    string ManifestDigest,
    string ManifestMediaType,
    long ManifestSize,
    IReadOnlyList<ImageLayer> Layers,
    string Architecture,
    string Os,
    string? Variant,
    DateTimeOffset? Created,
    IReadOnlyDictionary<string, string>? Labels)
{
    /// <summary>What Docker reports as the image size: the layers' unpacked (tar) sizes, the stored size where unknown.</summary>
    public long Size => Layers.Sum(layer => layer.DiffSize > 0 ? layer.DiffSize : layer.Size);
}

/// <summary>
/// One layer: its DiffID (digest of the uncompressed tar, as in the config's rootfs) and the blob that holds it as
/// stored (Digest, MediaType, Size — equal to the DiffID for an uncompressed tar). DiffSize is the uncompressed size,
/// 0 when not known yet (a pull records the blob; the size unpacked is the snapshot's).
/// </summary>
public sealed record ImageLayer(string DiffId, string Digest, string MediaType, long Size, long DiffSize);

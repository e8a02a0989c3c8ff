using Platform.Images.Archives.Staging;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.Images.References;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// An OCI image layout without manifest.json (registry-image.md §4.8): index.json's manifests, an index or manifest
/// list resolved to this host's platform, each manifest's config and layers taken as they are (plain or gzip tar).
/// Names come from io.containerd.image.name, or a ref.name that is a whole reference. Unknown media types are refused.
/// </summary>
public static class OciLayoutImages
{
    public const string IndexFile = "index.json";
    public const string LayoutFile = "oci-layout";
    const string ImageNameAnnotation = "io.containerd.image.name";
    const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public static async Task<IReadOnlyList<LoadCandidate>> ReadAsync(StagedArchive archive, StagingArea staging, CancellationToken cancellationToken)
    {
        if (!archive.Has(LayoutFile)) throw ImageError.BadRequest($"invalid archive: {IndexFile} without {LayoutFile}");
        var index = ParseIndex(await archive.ReadAsync(archive.Require(IndexFile), cancellationToken));
        var reader = new Reader(archive, staging);
        var candidates = new List<LoadCandidate>();
        foreach (var descriptor in index.Manifests ?? [])
        {
            var candidate = await reader.ImageAsync(descriptor, depth: 0, cancellationToken);
            var tags = Name(descriptor) is { } name ? new[] { name } : [];
            var known = candidates.FindIndex(c => c.Content.ConfigDigest == candidate.Content.ConfigDigest);
            if (known >= 0) candidates[known] = candidates[known].WithTags(tags);
            else candidates.Add(candidate.WithTags(tags));
        }
        return candidates;
    }

    static IndexFile ParseIndex(byte[] json)
    {
        try
        {
            return Manifests.ParseIndex(json);
        }
        catch (FormatException error)
        {
            throw ImageError.BadRequest($"invalid archive: {error.Message}");
        }
    }

    static ImageReference? Name(Descriptor descriptor)
    {
        var annotations = descriptor.Annotations ?? [];
        var text = annotations.GetValueOrDefault(ImageNameAnnotation)
                   ?? (annotations.GetValueOrDefault(RefNameAnnotation) is { } refName && refName.IndexOfAny(['/', ':']) >= 0 ? refName : null);
        return text is not null && ImageReferences.TryParseNormalized(text, out var reference) && !reference.IsCanonical
            ? reference.WithDefaultTag()
            : null;
    }

    sealed class Reader(StagedArchive archive, StagingArea staging)
    {
        readonly LayerVerifier _verifier = new(staging);

        public async Task<LoadCandidate> ImageAsync(Descriptor descriptor, int depth, CancellationToken cancellationToken)
        {
            if (MediaTypes.IsIndex(descriptor.MediaType))
            {
                if (depth > 4) throw ImageError.BadRequest("invalid archive: indexes nested too deep");
                var child = ParseIndex(await ReadAsync(descriptor, cancellationToken));
                var chosen = (child.Manifests ?? []).FirstOrDefault(m => MediaTypes.IsManifest(m.MediaType) && HostPlatform.Matches(m.Platform))
                    ?? throw ImageError.NotFound($"no matching manifest for {HostPlatform.Os}/{HostPlatform.Architecture} in the manifest list entries");
                return await ImageAsync(chosen, depth + 1, cancellationToken);
            }
            if (!MediaTypes.IsManifest(descriptor.MediaType))
                throw ImageError.BadRequest($"invalid archive: unsupported media type {descriptor.MediaType}");
            return await ManifestAsync(descriptor, cancellationToken);
        }

        async Task<LoadCandidate> ManifestAsync(Descriptor descriptor, CancellationToken cancellationToken)
        {
            var manifestBlob = Blob(descriptor);
            ManifestFile manifest;
            try
            {
                manifest = Manifests.Parse(await archive.ReadAsync(manifestBlob, cancellationToken));
            }
            catch (FormatException error)
            {
                throw ImageError.BadRequest($"invalid archive: {error.Message}");
            }
            if (manifest.Config is not { } configDescriptor || !MediaTypes.IsConfig(configDescriptor.MediaType))
                throw ImageError.BadRequest($"invalid archive: unsupported config media type {manifest.Config?.MediaType}");
            var configBlob = Blob(configDescriptor);
            var config = ArchiveConfigs.Parse(await archive.ReadAsync(configBlob, cancellationToken));
            var layers = manifest.Layers ?? [];
            if (layers.Count != config.DiffIds.Count)
                throw ImageError.BadRequest($"invalid manifest, layers length mismatch: expected {layers.Count}, got {config.DiffIds.Count}");

            var blobs = new List<StagedBlob>();
            var recorded = new List<ImageLayer>();
            for (var i = 0; i < layers.Count; i++)
            {
                if (MediaTypes.LayerCompressionOf(layers[i].MediaType) is null)
                    throw ImageError.BadRequest($"invalid archive: unsupported layer media type {layers[i].MediaType}");
                var blob = Blob(layers[i]);
                var tar = await _verifier.VerifyAsync(blob, i, config.DiffIds[i], cancellationToken);
                blobs.Add(blob);
                recorded.Add(new ImageLayer(config.DiffIds[i], blob.Digest.ToString(), layers[i].MediaType, blob.Size, tar.Size));
            }
            var content = ArchiveConfigs.Content(configBlob, configDescriptor.MediaType, config, manifestBlob, descriptor.MediaType, recorded);
            return new LoadCandidate(content, [.. blobs, configBlob, manifestBlob], []);
        }

        async Task<byte[]> ReadAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
            await archive.ReadAsync(Blob(descriptor), cancellationToken);

        /// <summary>The staged blob a descriptor names; its digest was checked against its path when staged.</summary>
        StagedBlob Blob(Descriptor descriptor)
        {
            if (!descriptor.Digest.StartsWith(ImageIds.Prefix, StringComparison.Ordinal) || !DigestText.IsValid(descriptor.Digest))
                throw ImageError.BadRequest($"invalid archive: unsupported digest {descriptor.Digest}");
            var blob = archive.Require($"blobs/sha256/{descriptor.Digest[ImageIds.Prefix.Length..]}");
            if (blob.Digest.ToString() != descriptor.Digest)
                throw ImageError.BadRequest($"invalid archive: digest mismatch: {descriptor.Digest} has content {blob.Digest}");
            if (blob.Size != descriptor.Size)
                throw ImageError.BadRequest($"invalid archive: {descriptor.Digest} is {blob.Size} bytes, its descriptor says {descriptor.Size}");
            return blob;
        }
    }
}

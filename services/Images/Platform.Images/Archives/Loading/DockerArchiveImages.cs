using System.Text.Json;
using Platform.Images.Archives.Staging;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.Images.References;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// A docker save archive read through its manifest.json (moby's tarexport load): each entry's config, its layers
/// checked against the config's DiffIDs in order, its RepoTags. Layers are kept uncompressed, named by DiffID, under
/// the OCI manifest docker save writes for them — so saving the image again reproduces the same manifest.
/// </summary>
public static class DockerArchiveImages
{
    public const string ManifestFile = "manifest.json";

    public static async Task<IReadOnlyList<LoadCandidate>> ReadAsync(StagedArchive archive, StagingArea staging, CancellationToken cancellationToken)
    {
        var items = Parse(await archive.ReadAsync(archive.Require(ManifestFile), cancellationToken));
        var verifier = new LayerVerifier(staging);
        var candidates = new List<LoadCandidate>();
        foreach (var item in items)
        {
            var configBlob = archive.Require(item.Config);
            var config = ArchiveConfigs.Parse(await archive.ReadAsync(configBlob, cancellationToken));
            var layerPaths = item.Layers ?? [];
            if (layerPaths.Count != config.DiffIds.Count)
                throw ImageError.BadRequest($"invalid manifest, layers length mismatch: expected {layerPaths.Count}, got {config.DiffIds.Count}");

            var layers = new List<(StagedBlob Tar, string DiffId)>();
            for (var i = 0; i < layerPaths.Count; i++)
                layers.Add((await verifier.VerifyAsync(archive.Require(layerPaths[i]), i, config.DiffIds[i], cancellationToken), config.DiffIds[i]));

            var manifestBytes = Manifests.UncompressedOci(configBlob.Digest.ToString(), configBlob.Size, layers.Select(l => (l.DiffId, l.Tar.Size)).ToList());
            var manifest = await staging.WriteAsync(manifestBytes, cancellationToken);
            var content = ArchiveConfigs.Content(configBlob, MediaTypes.OciConfig, config, manifest, MediaTypes.OciManifest,
                layers.Select(l => new ImageLayer(l.DiffId, l.DiffId, MediaTypes.OciLayer, l.Tar.Size, l.Tar.Size)).ToList());
            candidates.Add(new LoadCandidate(content, [.. layers.Select(l => l.Tar), configBlob, manifest], Tags(item.RepoTags)));
        }
        return candidates;
    }

    static List<ArchiveManifestItem> Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, FormatJson.Relaxed.ListArchiveManifestItem)
                ?? throw ImageError.BadRequest("invalid manifest, manifest cannot be null (but can be [])");
        }
        catch (JsonException error)
        {
            throw ImageError.BadRequest($"invalid archive: failed to decode {ManifestFile}: {error.Message}");
        }
    }

    static List<ImageReference> Tags(IEnumerable<string>? repoTags) => (repoTags ?? []).Select(tag =>
    {
        if (!ImageReferences.TryParseNormalized(tag, out var reference) || !reference.IsTagged || reference.IsCanonical)
            throw ImageError.BadRequest($"invalid tag \"{tag}\"");
        return reference;
    }).ToList();
}

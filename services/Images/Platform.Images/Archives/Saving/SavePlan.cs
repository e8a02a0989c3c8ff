using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Format;

namespace Platform.Images.Archives.Saving;

/// <summary>
/// Everything an archive will hold, gathered and checked before the response starts (a missing blob is an error
/// with a status, not a torn tar): per image its config, the OCI manifest save writes, and each layer's
/// uncompressed tar — the stored blob when it is one, otherwise decompressed into staging.
/// </summary>
public sealed record SavePlan(IReadOnlyList<SavePlan.Entry> Images, IReadOnlyDictionary<string, string> LayerFiles)
{
    public sealed record Entry(SavedImage Saved, byte[] Config, string ConfigDigest, byte[] Manifest, string ManifestDigest, IReadOnlyList<(string DiffId, long Size)> Layers);

    public static async Task<SavePlan> PrepareAsync(IReadOnlyList<SavedImage> images, ContentStore store, StagingArea staging, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        var layerFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var saved in images)
        {
            var content = saved.Image.Content;
            if (content.Layers.Count == 0) throw ImageError.Internal("empty export - not implemented");
            var config = await ReadBlobAsync(store, content.ConfigDigest, cancellationToken);
            var layers = new List<(string DiffId, long Size)>();
            foreach (var layer in content.Layers)
            {
                if (!layerFiles.TryGetValue(layer.DiffId, out var path))
                    layerFiles[layer.DiffId] = path = await UncompressedAsync(store, staging, layer, cancellationToken);
                layers.Add((layer.DiffId, new FileInfo(path).Length));
            }
            var manifest = Manifests.UncompressedOci(content.ConfigDigest, config.Length, layers);
            entries.Add(new Entry(saved, config, content.ConfigDigest, manifest, Digest.Of(manifest).ToString(), layers));
        }
        return new SavePlan(entries, layerFiles);
    }

    static async Task<byte[]> ReadBlobAsync(ContentStore store, string digest, CancellationToken cancellationToken)
    {
        var path = store.PathOf(Digest.Parse(digest));
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : throw MissingBlob(digest);
    }

    static async Task<string> UncompressedAsync(ContentStore store, StagingArea staging, ImageLayer layer, CancellationToken cancellationToken)
    {
        var diffId = Digest.Parse(layer.DiffId);
        if (store.Exists(diffId)) return store.PathOf(diffId);
        var blob = Digest.Parse(layer.Digest);
        if (!store.Exists(blob)) throw MissingBlob(layer.Digest);
        if (MediaTypes.LayerCompressionOf(layer.MediaType) != LayerCompression.Gzip)
            throw ImageError.Internal($"cannot export layer {layer.Digest} of media type {layer.MediaType}");
        await using var file = store.OpenRead(blob);
        await using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        var tar = await staging.WriteAsync(gzip, cancellationToken);
        return tar.Digest == diffId ? tar.Path : throw ImageError.Internal($"layer {layer.Digest} does not decompress to {layer.DiffId}");
    }

    static ImageError MissingBlob(string digest) => ImageError.Internal($"content {digest} is missing from the content store");
}

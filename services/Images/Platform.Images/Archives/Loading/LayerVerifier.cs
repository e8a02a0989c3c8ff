using Platform.Images.Archives.Compression;
using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.Images.Images;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// Turns a layer blob of an archive into its uncompressed tar (decompressing gzip once per blob), checks its DiffID
/// against the config's and that the tar reads to the end.
/// </summary>
public sealed class LayerVerifier(StagingArea staging)
{
    readonly Dictionary<Digest, StagedBlob> _uncompressed = [];

    /// <summary>The verified uncompressed tar of layer <paramref name="index"/>.</summary>
    public async Task<StagedBlob> VerifyAsync(StagedBlob blob, int index, string expectedDiffId, CancellationToken cancellationToken)
    {
        if (!_uncompressed.TryGetValue(blob.Digest, out var tar))
        {
            tar = await Decompression.IsGzipFileAsync(blob.Path, cancellationToken) ? await GunzipAsync(blob, cancellationToken) : blob;
            await TarCheck.ValidateAsync(tar.Path, cancellationToken);
            _uncompressed[blob.Digest] = tar;
        }
        if (tar.Digest.ToString() != expectedDiffId)
            throw ImageError.BadRequest($"invalid diffID for layer {index}: expected \"{expectedDiffId}\", got \"{tar.Digest}\"");
        return tar;
    }

    async Task<StagedBlob> GunzipAsync(StagedBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(blob.Path);
            await using var gzip = new GzipGuard(file);
            return await staging.WriteAsync(gzip, cancellationToken);
        }
        catch (CorruptCompressionException error)
        {
            throw ImageError.BadRequest($"layer {blob.Digest}: {error.Message}");
        }
    }
}

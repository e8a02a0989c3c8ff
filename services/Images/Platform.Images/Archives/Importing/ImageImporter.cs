using Platform.Images.Archives.Compression;
using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.Images.Images.Recording;
using Platform.Images.Images.Writing;
using Platform.Images.References;

namespace Platform.Images.Archives.Importing;

/// <summary>What docker import sends: where the tar came from, the tag, the message, the changes, the platform.</summary>
public sealed record ImportImage(string Source, ImageReference? Tag, string Message, IReadOnlyList<string> Changes, ImportPlatform Platform);

/// <summary>
/// docker import: the body (a rootfs tar, plain or gzip) becomes one uncompressed layer blob (its digest is the
/// DiffID), then a config and a schema2 manifest are written; all three are staged and checked before any is
/// published, and the image becomes visible only when its events commit.
/// </summary>
public sealed class ImageImporter(ContentStore store, ImageWriter writer, TimeProvider clock)
{
    public async Task<string> ImportAsync(ImportImage command, Stream body, CancellationToken cancellationToken)
    {
        var runConfig = ImageChanges.Apply(new RunConfig(), command.Changes);
        await using var staging = new StagingArea(store, "import");
        var layer = await StageLayerAsync(staging, body, cancellationToken);
        await TarCheck.ValidateAsync(layer.Path, cancellationToken);

        var created = clock.GetUtcNow();
        var configBytes = ImportedConfig.Write(runConfig, command.Platform, command.Message, created, layer.Digest.ToString());
        var config = await staging.WriteAsync(configBytes, cancellationToken);
        var layerDescriptor = new Descriptor(MediaTypes.DockerLayer, layer.Digest.ToString(), layer.Size);
        var manifestBytes = Manifests.Write(MediaTypes.DockerManifest,
            new Descriptor(MediaTypes.DockerConfig, config.Digest.ToString(), config.Size), [layerDescriptor]);
        var manifest = await staging.WriteAsync(manifestBytes, cancellationToken);

        staging.Publish(layer);
        staging.Publish(config);
        staging.Publish(manifest);

        var content = new ImageContent(config.Digest.ToString(), MediaTypes.DockerConfig, manifest.Digest.ToString(),
            MediaTypes.DockerManifest, manifest.Size,
            [new ImageLayer(layer.Digest.ToString(), layer.Digest.ToString(), MediaTypes.DockerLayer, layer.Size, layer.Size)],
            command.Platform.Architecture, command.Platform.Os, command.Platform.Variant, created,
            runConfig.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels) : null);
        await writer.WriteAsync((write, token) => ImageRecorder.RecordAsync(write,
            new RecordImage(write.HostId, content, ImageArrival.Imported, command.Source),
            command.Tag is { } tag ? [tag] : [], token), cancellationToken);
        return content.ConfigDigest;
    }

    static async Task<StagedBlob> StageLayerAsync(StagingArea staging, Stream body, CancellationToken cancellationToken)
    {
        try
        {
            await using var tar = await Decompression.OpenAsync(body, cancellationToken);
            return await staging.WriteAsync(tar, cancellationToken);
        }
        catch (CorruptCompressionException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
        catch (EndOfStreamException)
        {
            throw ImageError.BadRequest("invalid tar archive: unexpected EOF");
        }
    }
}

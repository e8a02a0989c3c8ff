using Platform.Images.Content;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Distribution.Pushing;
using Platform.Images.Images.Format;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.DockerApi.Distribution;

/// <summary>
/// The snapshot step of docker pull: each layer is unpacked on top of the ones below it ("Extracting" with a bar over
/// the blob's bytes), so a pulled image's root filesystem is ready when a container asks for it. A layer whose chain
/// is already unpacked (and whose blob is present) is "Already exists".
/// </summary>
public sealed class SnapshotLayerApplier(SnapshotStore snapshots, ContentStore store) : ILayerApplier
{
    public ValueTask<bool> IsAppliedAsync(PulledLayer layer, CancellationToken ct) =>
        ValueTask.FromResult(snapshots.Exists(ChainIds.Of(DiffIds(layer))[layer.Index]));

    public async Task ApplyAsync(PulledLayer layer, IProgressWriter progress, CancellationToken ct)
    {
        var diffIds = DiffIds(layer);
        var bar = new TransferProgress(progress, layer.Id, PullMessages.Extracting, layer.Descriptor.Size);
        await snapshots.EnsureAsync(diffIds.Take(layer.Index + 1).ToList(), (diffId, token) =>
        {
            var index = diffId == diffIds[layer.Index] ? layer.Index : diffIds.IndexOf(diffId);
            var blob = store.OpenRead(layer.Manifest.Layers[index].ContentDigest);
            return Task.FromResult<Stream>(index == layer.Index ? new ProgressReadStream(blob, bar, token) : blob);
        }, ct);
    }

    static List<Digest> DiffIds(PulledLayer layer)
    {
        var config = ImageConfigFile.Parse(layer.Config);
        if (config.DiffIds.Count != layer.Manifest.Layers.Count)
            throw new FormatException($"invalid image config: {config.DiffIds.Count} diff_ids for {layer.Manifest.Layers.Count} layers");
        return config.DiffIds.Select(Digest.Parse).ToList();
    }
}

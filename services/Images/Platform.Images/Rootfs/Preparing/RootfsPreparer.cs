using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.Rootfs.Preparing;

/// <summary>
/// Makes an image's layers mountable: every layer unpacked once into the snapshot store (concurrent prepares of one
/// image wait for the same unpack), each read from the blob the image recorded for it.
/// </summary>
public sealed class RootfsPreparer(SnapshotStore snapshots, ContentStore store)
{
    public async Task<RootfsPlan> PrepareAsync(Image image, CancellationToken cancellationToken)
    {
        var layers = image.Content.Layers;
        var diffIds = layers.Select(layer => Digest.Parse(layer.DiffId)).ToList();
        return await snapshots.EnsureAsync(diffIds, (diffId, _) =>
        {
            var layer = layers.First(l => l.DiffId == diffId.ToString());
            var blob = Digest.Parse(layer.Digest);
            if (!store.Exists(blob))
                throw ImageError.Internal($"layer {blob} of image {image.ImageId} is missing from the content store");
            return Task.FromResult(store.OpenRead(blob));
        }, cancellationToken);
    }
}

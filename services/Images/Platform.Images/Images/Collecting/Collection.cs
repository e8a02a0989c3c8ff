using Platform.Images.Content;
using Platform.Images.Images.Removing;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.Images.Collecting;

/// <summary>
/// What garbage collection frees once images are deleted: the snapshots (ChainIDs) and blobs of the deleted images
/// that no live image uses. Snapshots come top-most first, so a parent is removed only after its children. Pure:
/// the caller reads the images and performs the removals.
/// </summary>
public sealed record Collection(IReadOnlyList<Digest> Snapshots, IReadOnlyList<Digest> Blobs)
{
    /// <param name="live">Every image of the host that is not deleted.</param>
    /// <param name="deleted">Deleted images whose content may go (an image revived since is not deleted: skipped).</param>
    /// <param name="alsoBlobs">Other blobs the deletion released, e.g. the index a repository digest named.</param>
    public static Collection Decide(IEnumerable<Image> live, IEnumerable<Image> deleted, IEnumerable<string> alsoBlobs)
    {
        var liveImages = live.Where(i => !i.Deleted).ToList();
        var usedBlobs = liveImages.SelectMany(BlobsOf).Concat(liveImages.SelectMany(RepositoryDigestsOf)).ToHashSet();
        var usedChains = liveImages.SelectMany(ChainsOf).Select(c => c.ChainId).ToHashSet();
        var gone = deleted.Where(i => i.Deleted).ToList();

        var snapshots = gone.SelectMany(ChainsOf)
            .Where(c => !usedChains.Contains(c.ChainId))
            .DistinctBy(c => c.ChainId)
            .OrderByDescending(c => c.Depth)
            .Select(c => c.ChainId)
            .ToList();
        var blobs = gone.SelectMany(BlobsOf)
            .Concat(alsoBlobs.Select(d => Digest.TryParse(d, out var digest) ? digest : (Digest?)null).OfType<Digest>())
            .Where(d => !usedBlobs.Contains(d))
            .Distinct()
            .ToList();
        return new Collection(snapshots, blobs);
    }

    /// <summary>The digests a removal's untagged repository digests ("name@sha256:…") named.</summary>
    public static IEnumerable<string> RepositoryDigestsOf(Removal removal) =>
        removal.Events.OfType<ImageUntagged>().Select(e => e.Reference).Where(r => r.Contains('@')).Select(r => r[(r.IndexOf('@') + 1)..]);

    static IEnumerable<Digest> BlobsOf(Image image) =>
        new[] { image.Content.ConfigDigest, image.Content.ManifestDigest }
            .Concat(image.Content.Layers.Select(l => l.Digest))
            .Select(d => Digest.TryParse(d, out var digest) ? digest : (Digest?)null)
            .OfType<Digest>();

    static IEnumerable<Digest> RepositoryDigestsOf(Image image) =>
        image.References.Where(r => r.Contains('@')).Select(r => Digest.TryParse(r[(r.IndexOf('@') + 1)..], out var d) ? d : (Digest?)null).OfType<Digest>();

    static IEnumerable<(Digest ChainId, int Depth)> ChainsOf(Image image) =>
        ChainIds.Of(image.Content.Layers.Select(l => Digest.Parse(l.DiffId)).ToList()).Select((chain, depth) => (chain, depth));
}

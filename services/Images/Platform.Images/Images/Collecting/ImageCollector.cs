using Marten;
using Microsoft.Extensions.Options;
using Platform.Images.Content;
using Platform.Images.Images.Resolving;
using Platform.Images.Rootfs;
using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Store;
using Platform.ServiceDefaults;

namespace Platform.Images.Images.Collecting;

/// <summary>
/// Frees the content of deleted images, only after their deletion is committed: snapshots first (each renamed into
/// <c>.tmp/</c>, then deleted; children before parents), then blobs. A crash midway leaves deleted images whose
/// content is partly there; <see cref="SweepAsync"/> at startup collects every deleted image again and finishes it.
/// One collection at a time; a snapshot an unpack is stacking on right now is left for the next sweep.
/// </summary>
public sealed class ImageCollector(IDocumentStore store, ContentStore content, SnapshotStore snapshots, RunConfigCache configs,
    IOptions<PlatformHostOptions> host, ILogger<ImageCollector> logger)
{
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>After a removal committed: the content of <paramref name="deletedImageIds"/> no live image uses.</summary>
    public async Task<CollectionResult> CollectAsync(IReadOnlyCollection<string> deletedImageIds, IEnumerable<string> alsoBlobs)
    {
        if (deletedImageIds.Count == 0) return CollectionResult.Nothing;
        await using var session = store.QuerySession();
        var deleted = new List<Image>();
        foreach (var id in deletedImageIds)
            if (await session.LoadAsync<Image>(ImageStreams.Key(host.Value.HostId, id)) is { } image) deleted.Add(image);
        return await CollectAsync(session, deleted, alsoBlobs);
    }

    /// <summary>Startup: every deleted image of the host again (idempotent; finishes removals a crash interrupted).</summary>
    public async Task<CollectionResult> SweepAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var hostId = host.Value.HostId;
        var deleted = await session.Query<Image>().Where(x => x.HostId == hostId && x.Deleted).ToListAsync(cancellationToken);
        return await CollectAsync(session, deleted, []);
    }

    async Task<CollectionResult> CollectAsync(IQuerySession session, IReadOnlyList<Image> deleted, IEnumerable<string> alsoBlobs)
    {
        await _gate.WaitAsync();
        try
        {
            var live = await ImageResolver.ListAsync(session, host.Value.HostId, CancellationToken.None);
            var collection = Collection.Decide(live, deleted, alsoBlobs);
            var removedSnapshots = collection.Snapshots.Count(TryRemoveSnapshot);
            foreach (var image in deleted.Where(i => i.Deleted)) configs.Forget(image.ImageId);
            var removedBlobs = collection.Blobs.Count(content.Delete);
            return new CollectionResult(removedSnapshots, removedBlobs);
        }
        finally
        {
            _gate.Release();
        }
    }

    bool TryRemoveSnapshot(Digest chainId)
    {
        try
        {
            return snapshots.Remove(chainId);
        }
        catch (SnapshotInUseException error)
        {
            logger.LogInformation("Snapshot {ChainId} kept for now: {Reason}", chainId, error.Message);
            return false;
        }
    }
}

public sealed record CollectionResult(int Snapshots, int Blobs)
{
    public static readonly CollectionResult Nothing = new(0, 0);
}

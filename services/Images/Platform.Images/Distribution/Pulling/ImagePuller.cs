using Platform.Images.Content;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Transport;
using Platform.ServiceDefaults.Concurrency;

namespace Platform.Images.Distribution.Pulling;

/// <summary>
/// <c>docker pull</c> against any v2 registry: resolve the reference to a manifest (choosing the platform from an
/// index), fetch the config, download missing layers in parallel into the content store, hand them to the layer
/// applier in order, then store the manifests. Progress is Docker's JSON message sequence; nothing is written before
/// the manifest is resolved, so "not found" and "unauthorized" can still be answered with an HTTP status.
/// </summary>
public sealed class ImagePuller(RegistryClient registries, ContentStore store)
{
    const int MaxIndexDepth = 4;
    /// <summary>Per blob path, process-wide: pullers (and stores) sharing a directory never write one ingest file twice.</summary>
    static readonly KeyedLock BlobLocks = new();

    public async Task<PullResult> PullAsync(PullRequest request, IProgressWriter progress, CancellationToken ct = default)
    {
        var reference = request.Reference;
        var session = registries.OpenSession(reference.Registry, reference.Repository, request.Credentials ?? RegistryCredentials.Anonymous);
        var top = await ManifestFetcher.FetchAsync(session, reference, ct);
        var known = store.Exists(top.Digest);
        await progress.WriteAsync(PullMessages.PullingFrom(reference), ct);

        var (index, manifest) = await ResolvePlatformAsync(session, reference, top, request.Platform ?? ImagePlatform.LinuxAmd64, ct);
        var config = await ConfigFetcher.FetchAsync(session, this, manifest.Config!, ct);
        var image = new LayerPull(this, session, manifest, config, request.Applier, progress);
        var downloaded = await image.RunAsync(ct);

        if (index is not null) await StoreAsync(index.Bytes, index.Digest, ct);
        await StoreAsync(manifest.Bytes, manifest.Digest, ct);
        await progress.WriteAsync(PullMessages.Digest(top.Digest), ct);
        var newer = !known || downloaded;
        if (request.ReportStatus) await progress.WriteAsync(PullMessages.FinalStatus(reference, newer), ct);

        return new PullResult(reference, top.Digest, index, manifest, manifest.Config!.ContentDigest,
            manifest.Config.MediaType, config, manifest.Layers, newer);
    }

    async Task<(ImageManifest? Index, ImageManifest Manifest)> ResolvePlatformAsync(RegistrySession session,
        RemoteReference reference, ImageManifest top, ImagePlatform platform, CancellationToken ct)
    {
        var current = top;
        for (var depth = 0; current.IsIndex; depth++)
        {
            if (depth == MaxIndexDepth) throw new RegistryException($"image index nesting too deep for {reference.Familiar}", 500);
            var entry = PlatformMatcher.Select(current.Manifests, platform)
                ?? throw new RegistryException($"no matching manifest for {platform} in the manifest list entries", 404);
            var child = reference with { Digest = entry.ContentDigest };
            current = await ManifestFetcher.FetchAsync(session, child, ct);
        }
        return (ReferenceEquals(current, top) ? null : top, current);
    }

    internal Task<IDisposable> LockBlobAsync(Digest digest, CancellationToken ct) => BlobLocks.AcquireAsync(store.PathOf(digest), ct);

    /// <summary>Writes a small verified blob once, even when concurrent pulls of one image race for it.</summary>
    internal async Task StoreAsync(byte[] bytes, Digest digest, CancellationToken ct)
    {
        using (await LockBlobAsync(digest, ct))
            if (!store.Exists(digest)) await store.WriteAsync(bytes, digest, ct);
    }

    internal ContentStore Store => store;
}

using System.Net.Http.Headers;
using Platform.Images.Content;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pushing;

/// <summary>
/// <c>docker push</c> of content already in the store: authenticate first (so bad credentials are a 401 before the
/// stream starts), then "The push refers to repository […]", layers top first ("Preparing", bounded parallel uploads),
/// the config, child manifests of an index by digest, and finally the manifest's exact bytes under the tag.
/// </summary>
public sealed class ImagePusher(RegistryClient registries, ContentStore store)
{
    public async Task<PushResult> PushAsync(PushRequest request, IProgressWriter progress, CancellationToken ct = default)
    {
        var target = request.Target;
        var root = await ReadManifestAsync(request.Manifest, request.MediaType, ct);
        var images = root.IsIndex
            ? await Task.WhenAll(root.Manifests.Select(child => ReadManifestAsync(child.ContentDigest, child.MediaType, ct)))
            : [root];
        var layers = images.SelectMany(image => image.Layers).Where(layer => !MediaTypes.IsNonDistributable(layer.MediaType))
            .DistinctBy(layer => layer.Digest).ToList();
        var configs = images.Select(image => image.Config!).DistinctBy(config => config.Digest).ToList();
        foreach (var blob in layers.Concat(configs).Where(blob => !store.Exists(blob.ContentDigest)))
            throw new RegistryException($"blob {blob.Digest} of {target.Familiar} is not in the local content store", 404);

        var session = registries.OpenSession(target.Registry, target.Repository, request.Credentials ?? RegistryCredentials.Anonymous,
            RegistryAccess.Push, request.MountFrom is null ? null : [request.MountFrom]);
        await session.AuthorizeAsync(ct);
        await progress.WriteAsync(PushMessages.RefersTo(target), ct);

        var blobs = new BlobPusher(session, store, progress, request.MountFrom);
        var shown = Enumerable.Reverse(layers).ToList(); // moby lists the top layer first
        foreach (var layer in shown) await progress.WriteAsync(JsonMessage.Update(layer.ContentDigest.Short, PushMessages.Preparing), ct);
        await UploadAllAsync(shown, blobs, session.Options.MaxConcurrentUploads, progress, ct);
        foreach (var config in configs) await blobs.PushAsync(config, null, ct);

        foreach (var child in images.Where(image => !ReferenceEquals(image, root)))
            await PutManifestAsync(session, child, child.Digest.ToString(), ct);
        var reference = target.Tag ?? root.Digest.ToString();
        await PutManifestAsync(session, root, reference, ct);

        await progress.WriteAsync(PushMessages.Digest(target.Tag, root.Digest, root.Bytes.Length), ct);
        await progress.WriteAsync(PushMessages.Aux(target.Tag, root.Digest, root.Bytes.Length), ct);
        return new PushResult(target, root.Digest, root.Bytes.Length, root.MediaType);
    }

    static async Task UploadAllAsync(IReadOnlyList<OciDescriptor> layers, BlobPusher blobs, int concurrency,
        IProgressWriter progress, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        var uploads = layers.Select(async layer =>
        {
            var id = layer.ContentDigest.Short;
            var acquired = false;
            try
            {
                if (!(acquired = slots.Wait(0)))
                {
                    await progress.WriteAsync(JsonMessage.Update(id, PushMessages.Waiting), cts.Token);
                    await slots.WaitAsync(cts.Token);
                    acquired = true;
                }
                await blobs.PushAsync(layer, id, cts.Token);
            }
            catch
            {
                await cts.CancelAsync();
                throw;
            }
            finally
            {
                if (acquired) slots.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(uploads);
        }
        catch when (!ct.IsCancellationRequested)
        {
            var cause = uploads.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    async Task<ImageManifest> ReadManifestAsync(Digest digest, string? mediaType, CancellationToken ct)
    {
        if (!store.Exists(digest)) throw new RegistryException($"manifest {digest} is not in the local content store", 404);
        await using var stream = store.OpenRead(digest);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct);
        return ImageManifest.Parse(bytes.ToArray(), mediaType, digest, digest.ToString());
    }

    static async Task PutManifestAsync(RegistrySession session, ImageManifest manifest, string reference, CancellationToken ct)
    {
        using var response = await Retry.RunAsync(session, _ => session.SendAsync(HttpMethod.Put, session.PathOf("manifests/" + reference), ct,
            content: () =>
            {
                var content = new ByteArrayContent(manifest.Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
                return content;
            }), ct);
        await RegistrySession.EnsureSuccessAsync(response, ct);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && Digest.TryParse(values.FirstOrDefault(), out var stored) && stored != manifest.Digest)
            throw new RegistryVerificationException($"registry stored manifest {manifest.Digest} as {stored}");
    }
}

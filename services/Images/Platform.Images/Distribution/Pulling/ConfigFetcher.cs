using Platform.Images.Content;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pulling;

/// <summary>The image config: from the content store when there, else fetched whole, verified and stored.</summary>
internal static class ConfigFetcher
{
    const long MaxConfigBytes = 32 * 1024 * 1024;

    public static async Task<byte[]> FetchAsync(RegistrySession session, ImagePuller puller, OciDescriptor config, CancellationToken ct)
    {
        var store = puller.Store;
        var digest = config.ContentDigest;
        if (store.Exists(digest))
        {
            await using var local = store.OpenRead(digest);
            using var copy = new MemoryStream();
            await local.CopyToAsync(copy, ct);
            return copy.ToArray();
        }

        var bytes = await Retry.RunAsync(session, async _ =>
        {
            using var response = await session.SendAsync(HttpMethod.Get, session.PathOf("blobs/" + digest), ct);
            await RegistrySession.EnsureSuccessAsync(response, ct);
            return await Bodies.ReadLimitedAsync(response.Content, MaxConfigBytes, "image config", ct);
        }, ct, retryUnreachable: true);

        if (Digest.Of(bytes) != digest || bytes.LongLength != config.Size)
            throw new RegistryVerificationException($"image config verification failed for digest {digest}");
        await puller.StoreAsync(bytes, digest, ct);
        return bytes;
    }
}

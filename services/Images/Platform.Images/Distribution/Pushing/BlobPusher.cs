using System.Net;
using System.Net.Http.Headers;
using Platform.Images.Content;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pushing;

/// <summary>
/// Puts one blob in the repository: HEAD (present ⇒ "Layer already exists"), else a cross-repository mount when a
/// source repository is known (201 ⇒ "Mounted from …"), else POST an upload session and PUT the whole blob with its
/// digest (monolithic). Transient failures start a fresh session, up to the configured attempts.
/// </summary>
internal sealed class BlobPusher(RegistrySession session, ContentStore store, IProgressWriter progress, string? mountFrom)
{
    /// <param name="id">The progress id; null for blobs Docker does not show (the config).</param>
    public async Task PushAsync(OciDescriptor blob, string? id, CancellationToken ct)
    {
        var digest = blob.ContentDigest;
        if (await ExistsAsync(digest, ct))
        {
            await ReportAsync(id, PushMessages.LayerAlreadyExists, ct);
            return;
        }
        var bar = id is null ? null : new TransferProgress(progress, id, PushMessages.Pushing, blob.Size, session.Time);
        var mounted = await Retry.RunAsync(session, async _ =>
        {
            var (location, wasMounted) = await StartAsync(digest, ct);
            if (!wasMounted) await UploadAsync(location, digest, blob.Size, bar, ct);
            return wasMounted;
        }, ct, retryUnreachable: true, onRetry: async (_, delay, _) =>
        {
            if (id is not null) await progress.WriteAsync(Pulling.PullMessages.Retrying(id, delay), ct);
        });
        await ReportAsync(id, mounted ? PushMessages.MountedFrom(mountFrom!) : PushMessages.Pushed, ct);
    }

    async Task<bool> ExistsAsync(Digest digest, CancellationToken ct)
    {
        using var response = await Retry.RunAsync(session,
            _ => session.SendAsync(HttpMethod.Head, session.PathOf("blobs/" + digest), ct), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await RegistrySession.EnsureSuccessAsync(response, ct);
        return true;
    }

    /// <summary>POST: a mount (201) or an upload session's location (202).</summary>
    async Task<(string Location, bool Mounted)> StartAsync(Digest digest, CancellationToken ct)
    {
        var path = session.PathOf("blobs/uploads/");
        var mount = mountFrom is not null && mountFrom != session.Repository;
        if (mount) path += $"?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(mountFrom!)}";
        using var response = await session.SendAsync(HttpMethod.Post, path, ct,
            content: () => new ByteArrayContent([]));
        await RegistrySession.EnsureSuccessAsync(response, ct);
        if (mount && response.StatusCode == HttpStatusCode.Created) return ("", true);
        var location = response.Headers.Location?.OriginalString
            ?? throw new RegistryException($"registry {session.Endpoint.Name} started an upload without a Location", 500);
        return (location, false);
    }

    async Task UploadAsync(string location, Digest digest, long size, TransferProgress? bar, CancellationToken ct)
    {
        bar?.Restart(0);
        var target = location + (location.Contains('?') ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest.ToString());
        Stream? file = null;
        try
        {
            using var response = await session.SendAsync(HttpMethod.Put, target, ct, content: () =>
            {
                file?.Dispose();
                file = new ProgressReadStream(store.OpenRead(digest), bar, ct);
                var content = new StreamContent(file, 256 * 1024);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.ContentLength = size;
                return content;
            });
            await RegistrySession.EnsureSuccessAsync(response, ct);
            if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
                && Digest.TryParse(values.FirstOrDefault(), out var stored) && stored != digest)
                throw new RegistryVerificationException($"registry stored blob {digest} as {stored}");
        }
        finally
        {
            file?.Dispose();
        }
    }

    ValueTask ReportAsync(string? id, string status, CancellationToken ct) =>
        id is null ? ValueTask.CompletedTask : progress.WriteAsync(JsonMessage.Update(id, status), ct);
}

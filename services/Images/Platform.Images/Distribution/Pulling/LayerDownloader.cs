using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Platform.Images.Content;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pulling;

/// <summary>
/// Downloads one layer blob into the content store. Bytes land in the blob's ingest file, so an interrupted download
/// resumes: the next attempt (or the next pull) asks for <c>Range: bytes=OFFSET-</c>; a registry that ignores the
/// range (200) restarts it from zero. The commit verifies digest and size; a stale partial file that fails
/// verification is discarded and fetched once more from scratch; a fresh download that fails it is an error.
/// </summary>
internal sealed class LayerDownloader(RegistrySession session, ContentStore store, IProgressWriter progress)
{
    const int BufferSize = 256 * 1024;

    public async Task DownloadAsync(OciDescriptor layer, string id, CancellationToken ct)
    {
        var bar = new TransferProgress(progress, id, PullMessages.Downloading, layer.Size, session.Time);
        await Retry.RunAsync(session, async _ =>
        {
            await DownloadOnceAsync(layer.ContentDigest, layer.Size, id, bar, ct);
            return true;
        }, ct, retryUnreachable: true, onRetry: (_, delay, _) => progress.WriteAsync(PullMessages.Retrying(id, delay), ct));
        await progress.WriteAsync(JsonMessage.Update(id, PullMessages.DownloadComplete), ct);
    }

    async Task DownloadOnceAsync(Digest digest, long size, string id, TransferProgress bar, CancellationToken ct)
    {
        for (var fresh = false; ; fresh = true)
        {
            var ingest = store.OpenIngest(digest, size, resume: !fresh);
            try
            {
                var resumedFrom = ingest.Offset;
                if (ingest.Offset < size)
                {
                    using var response = await RequestAsync(digest, ingest.Offset, ct);
                    if (ingest.Offset > 0 && !AnswersRange(response, ingest.Offset))
                    {
                        await ingest.DisposeAsync(); // the registry ignored the range: start from zero
                        ingest = store.OpenIngest(digest, size, resume: false);
                        resumedFrom = 0;
                    }
                    await CopyAsync(response, ingest, digest, size, bar, session.Options.StallTimeout, ct);
                }
                await progress.WriteAsync(JsonMessage.Update(id, PullMessages.VerifyingChecksum), ct);
                try
                {
                    await ingest.CommitAsync(ct);
                    return;
                }
                catch (ContentVerificationException e) when (resumedFrom == 0 || fresh)
                {
                    throw new RegistryVerificationException($"filesystem layer verification failed for digest {digest}", e);
                }
                catch (ContentVerificationException)
                {
                    // bytes kept from an earlier attempt were not a prefix of this blob: start over once
                }
            }
            finally
            {
                await ingest.DisposeAsync();
            }
        }
    }

    async Task<HttpResponseMessage> RequestAsync(Digest digest, long offset, CancellationToken ct)
    {
        var response = await session.SendAsync(HttpMethod.Get, session.PathOf("blobs/" + digest), ct,
            request => request.Headers.Range = offset > 0 ? new RangeHeaderValue(offset, null) : null);
        try
        {
            await RegistrySession.EnsureSuccessAsync(response, ct);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    static bool AnswersRange(HttpResponseMessage response, long offset) =>
        response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset;

    static async Task CopyAsync(HttpResponseMessage response, ContentIngest ingest, Digest digest, long size,
        TransferProgress bar, TimeSpan stallTimeout, CancellationToken ct)
    {
        var current = ingest.Offset;
        bar.Restart(current);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                stall.CancelAfter(stallTimeout);
                int n;
                try
                {
                    n = await body.ReadAsync(buffer.AsMemory(0, BufferSize), stall.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"no data for {stallTimeout.TotalSeconds:0} s while downloading {digest}");
                }
                if (n == 0) break;
                if (current + n > size)
                    throw new RegistryVerificationException($"filesystem layer verification failed for digest {digest}: more than {size} bytes");
                await ingest.WriteAsync(buffer.AsMemory(0, n), ct);
                current += n;
                await bar.ReportAsync(current, ct);
            }
            if (current < size) throw new IOException($"unexpected EOF: got {current} of {size} bytes of {digest}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

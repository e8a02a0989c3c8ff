using System.Runtime.ExceptionServices;
using Platform.Images.Content;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pulling;

/// <summary>
/// The layers of one image pull: "Already exists" / "Pulling fs layer" up front, bounded parallel downloads
/// ("Waiting" when no slot is free), then, bottom layer first, apply and "Pull complete". The first failure cancels
/// the other transfers and is what the caller sees.
/// </summary>
internal sealed class LayerPull(ImagePuller puller, RegistrySession session, ImageManifest manifest, byte[] config,
    ILayerApplier? applier, IProgressWriter progress)
{
    /// <summary>True when any blob was downloaded.</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var store = puller.Store;
        var configDigest = manifest.Config!.ContentDigest;
        var layers = manifest.Layers.Select((d, i) =>
            new PulledLayer(i, d, d.ContentDigest, d.ContentDigest.Short, manifest, configDigest, config)).ToList();

        var skip = new bool[layers.Count];
        var announced = new HashSet<string>();
        var missing = new List<PulledLayer>();
        foreach (var layer in layers)
        {
            var present = store.Exists(layer.Digest);
            skip[layer.Index] = present && (applier is null || await applier.IsAppliedAsync(layer, ct));
            if (!announced.Add(layer.Id)) continue;
            await progress.WriteAsync(JsonMessage.Update(layer.Id, skip[layer.Index] ? PullMessages.AlreadyExists : PullMessages.PullingFsLayer), ct);
            if (!present) missing.Add(layer);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(Math.Max(1, session.Options.MaxConcurrentDownloads));
        var downloads = missing.ToDictionary(l => l.Digest, l => DownloadAsync(l, slots, cts));
        try
        {
            var completed = new HashSet<string>();
            foreach (var layer in layers.Where(l => !skip[l.Index]))
            {
                if (downloads.TryGetValue(layer.Digest, out var download)) await download;
                if (applier is not null) await applier.ApplyAsync(layer, progress, cts.Token);
                if (completed.Add(layer.Id)) await progress.WriteAsync(JsonMessage.Update(layer.Id, PullMessages.PullComplete), ct);
            }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await cts.CancelAsync();
            try
            {
                await Task.WhenAll(downloads.Values);
            }
            catch
            {
                // the first real failure is rethrown below
            }
            var cause = downloads.Values.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
        return downloads.Count > 0;
    }

    async Task DownloadAsync(PulledLayer layer, SemaphoreSlim slots, CancellationTokenSource cts)
    {
        var acquired = false;
        try
        {
            if (!(acquired = slots.Wait(0)))
            {
                await progress.WriteAsync(JsonMessage.Update(layer.Id, PullMessages.Waiting), cts.Token);
                await slots.WaitAsync(cts.Token);
                acquired = true;
            }
            using (await puller.LockBlobAsync(layer.Digest, cts.Token))
            {
                if (puller.Store.Exists(layer.Digest)) // another pull fetched it meanwhile
                    await progress.WriteAsync(JsonMessage.Update(layer.Id, PullMessages.DownloadComplete), cts.Token);
                else
                    await new LayerDownloader(session, puller.Store, progress).DownloadAsync(layer.Descriptor, layer.Id, cts.Token);
            }
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
    }
}

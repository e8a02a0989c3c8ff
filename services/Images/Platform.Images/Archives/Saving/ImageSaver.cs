using Marten;
using Microsoft.Extensions.Options;
using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.ServiceDefaults;

namespace Platform.Images.Archives.Saving;

/// <summary>docker save: resolve every name and gather every blob first (errors keep their status), then stream.</summary>
public sealed class ImageSaver(IDocumentStore store, ContentStore content, IOptions<PlatformHostOptions> host)
{
    /// <summary>Prepares the archive; the returned writer streams it (and removes any staging when done).</summary>
    public async Task<Func<Stream, CancellationToken, Task>> PrepareAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var images = await SaveSelection.ResolveAsync(session, host.Value.HostId, names, cancellationToken);
        var staging = new StagingArea(content, "save");
        try
        {
            var plan = await SavePlan.PrepareAsync(images, content, staging, cancellationToken);
            return async (output, token) =>
            {
                await using (staging) await ImageArchiveWriter.WriteAsync(output, plan, token);
            };
        }
        catch
        {
            await staging.DisposeAsync();
            throw;
        }
    }
}

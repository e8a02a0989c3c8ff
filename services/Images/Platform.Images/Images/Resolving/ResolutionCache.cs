using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Images.Images.Index;
using Platform.Images.References;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Rails.Bus;

namespace Platform.Images.Images.Resolving;

/// <summary>
/// Resolved names kept in memory for the hot path (prepare), so docker run on an image this host has touches no
/// database. This service is the only writer of its host's images, and every write goes through ImageWriter, which
/// calls <see cref="Invalidate"/> after it commits: an answer is used as is only under the write generation it was
/// read in, and each invalidation re-reads the cached names at once in the background, while the database is there.
/// Filled at startup with every reference of the host's images in the spellings users type.
/// When the database cannot be reached, the last answer read for a name is served (an outage cannot hide a write:
/// writes need the database too); a name never resolved before fails as the database does.
/// </summary>
public sealed class ResolutionCache(IDocumentStore store, IOptions<PlatformHostOptions> host, ILogger<ResolutionCache> logger)
{
    const int MaxEntries = 4096;
    readonly ConcurrentDictionary<string, (long Generation, ResolvedImage Resolved)> _entries = new(StringComparer.Ordinal);
    readonly SemaphoreSlim _refreshing = new(1, 1);
    long _generation;
    int _refreshQueued;
    long _lastOutageWarning;

    string HostId => host.Value.HostId;

    public async Task<ResolvedImage> ResolveAsync(IQuerySession session, string name, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var known = _entries.TryGetValue(name, out var entry);
        if (known && entry.Generation == generation) return entry.Resolved;
        ResolvedImage resolved;
        try
        {
            resolved = await ImageResolver.ResolveNamedAsync(session, HostId, name, cancellationToken);
        }
        catch (Exception error) when (known && Unreachable.IsServerUnreachable(error))
        {
            WarnOutage(error);
            return entry.Resolved;
        }
        Remember(name, generation, resolved);
        return resolved;
    }

    /// <summary>After every committed write: answers read before it are re-read (in the background) before use.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0) _ = RefreshAsync();
    }

    /// <summary>Every reference of the host's live images, under its full, familiar and (for :latest) bare names.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var session = store.QuerySession();
        var images = (await ImageResolver.ListAsync(session, HostId, cancellationToken)).ToDictionary(i => i.ImageId, StringComparer.Ordinal);
        var references = await session.Query<IndexedReference>().Where(x => x.HostId == HostId).ToListAsync(cancellationToken);
        foreach (var indexed in references)
        {
            if (!images.TryGetValue(indexed.ImageId, out var image)) continue;
            ImageReference reference;
            try { reference = ImageReferences.ParseAny(indexed.Reference).Reference!; }
            catch (ReferenceFormatException) { continue; }
            foreach (var spelling in Spellings(reference)) _entries.TryAdd(spelling, (generation, new(image, reference)));
        }
        foreach (var image in images.Values) _entries.TryAdd(image.ImageId, (generation, new(image, null)));
    }

    static IEnumerable<string> Spellings(ImageReference reference)
    {
        yield return reference.ToString();
        yield return reference.Familiar;
        if (reference.Tag == ImageReference.DefaultTag && reference.Digest is null)
        {
            yield return reference.Name;
            yield return reference.FamiliarName;
        }
    }

    async Task RefreshAsync()
    {
        await _refreshing.WaitAsync();
        try
        {
            Volatile.Write(ref _refreshQueued, 0); // a write committed from here on queues another pass
            var generation = Interlocked.Read(ref _generation);
            await using var session = store.QuerySession();
            foreach (var name in _entries.Keys)
            {
                try
                {
                    Remember(name, generation, await ImageResolver.ResolveNamedAsync(session, HostId, name, CancellationToken.None));
                }
                catch (ImageError)
                {
                    _entries.TryRemove(name, out _); // gone or no longer unique
                }
            }
        }
        catch (Exception error) when (Unreachable.IsServerUnreachable(error))
        {
            // Entries not re-read stay behind the generation: the next prepare of each reads it (or serves it in an outage).
            WarnOutage(error);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Re-reading cached image names failed; they are read again on use");
        }
        finally
        {
            _refreshing.Release();
        }
    }

    void Remember(string name, long generation, ResolvedImage resolved)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[name] = (generation, resolved);
    }

    void WarnOutage(Exception error)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastOutageWarning);
        if (last != 0 && now - last < 30_000) return;
        Interlocked.Exchange(ref _lastOutageWarning, now);
        logger.LogWarning("The database cannot be reached ({Error}); image names resolve from memory", error.GetBaseException().Message);
    }
}

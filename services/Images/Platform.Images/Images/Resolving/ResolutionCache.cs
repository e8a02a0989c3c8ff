using System.Collections.Concurrent;
using Marten;

namespace Platform.Images.Images.Resolving;

/// <summary>
/// Resolved names kept in memory for the hot path (prepare). This service is the only writer of its host's images,
/// and every write goes through ImageWriter, which calls <see cref="Invalidate"/> after it commits: an answer is
/// kept only under the write generation it was read in, so a cached answer is always what the database would say.
/// </summary>
public sealed class ResolutionCache
{
    const int MaxEntries = 4096;
    readonly ConcurrentDictionary<string, (long Generation, ResolvedImage Resolved)> _entries = new(StringComparer.Ordinal);
    long _generation;

    public async Task<ResolvedImage> ResolveAsync(IQuerySession session, string hostId, string name, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(name, out var entry) && entry.Generation == generation) return entry.Resolved;
        var resolved = await ImageResolver.ResolveNamedAsync(session, hostId, name, cancellationToken);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[name] = (generation, resolved);
        return resolved;
    }

    /// <summary>After every committed write: answers read before it are no longer used.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}

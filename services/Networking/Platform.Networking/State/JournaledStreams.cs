using System.Collections.Concurrent;
using Platform.Networking.State.Journal;
using Platform.ServiceDefaults.Concurrency;

namespace Platform.Networking.State;

/// <summary>
/// Streams of one kind (networks, sandboxes) held in memory as the authority for this host: each with its folded
/// state and its version. A write decides against the current state in the stream's turn, queues the events on the
/// journal, applies them and lets the next writer in; it returns once the entry is on disk. Marten gets the entry
/// later, from the journal, at the version it was decided on.
/// </summary>
public sealed class JournaledStreams<TState>(StateJournal journal, Func<TState?, object, TState> fold) where TState : class
{
    readonly ConcurrentDictionary<string, Versioned> _streams = new(StringComparer.Ordinal);
    readonly KeyedLock _turns = new();

    public TState? Find(string key) => _streams.TryGetValue(key, out var stream) ? stream.State : null;

    public long VersionOf(string key) => _streams.TryGetValue(key, out var stream) ? stream.Version : 0;

    /// <summary>Every stream's current state (streams known only by their version are left out).</summary>
    public IEnumerable<TState> All => _streams.Values.Select(s => s.State).OfType<TState>();

    /// <summary>At startup, from the database: a stream's state (null when only its version matters) and version.</summary>
    public void Load(string key, TState? state, long version) => _streams[key] = new Versioned(state, version);

    public async Task<(TState? State, IReadOnlyList<object> Events)> WriteAsync(
        string key, Func<TState?, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        Task durable;
        TState? state;
        IReadOnlyList<object> events;
        using (await _turns.AcquireAsync(key, ct))
        {
            var current = _streams.TryGetValue(key, out var stream) ? stream : new Versioned(null, 0);
            events = decide(current.State);
            if (events.Count == 0) return (current.State, events);
            durable = journal.AppendAsync(key, current.Version, events);
            state = events.Aggregate(current.State, (s, e) => fold(s, e));
            _streams[key] = new Versioned(state, current.Version + events.Count);
        }
        await durable; // the decision is taken: it is answered once it is on disk, whatever the caller's token says
        return (state, events);
    }

    sealed record Versioned(TState? State, long Version);
}

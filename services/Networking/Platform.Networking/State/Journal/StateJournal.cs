using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Platform.Networking.State.Journal;

/// <summary>
/// This host's append-only journal of networking events: an entry is on disk (fsync) before the decision that made it
/// is answered. Appends are group-committed: what is queued while one batch is written goes out in the next single
/// write + fsync, so concurrent writers share one flush and none holds a lock across it. Durable entries are handed,
/// in journal order, to <see cref="Durable"/> (the writer to Marten); once Marten has them the journal is compacted.
/// </summary>
public sealed partial class StateJournal : IAsyncDisposable
{
    public const string FileName = "journal.log";
    const int MaxBatch = 1024;

    readonly string _directory;
    readonly long _compactAfterBytes;
    readonly Action<Exception> _onFailure;
    readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    readonly Channel<JournalEntry> _durable = Channel.CreateUnbounded<JournalEntry>(new() { SingleWriter = true, SingleReader = true });
    readonly Lock _file = new(); // the flusher and compaction; appenders never take it
    readonly List<(long Sequence, long Offset)> _lines = [];
    readonly Task _flusher;
    SafeFileHandle _handle;
    long _length;
    long _nextSequence;
    long _durableSequence;
    long _flushes;
    Exception? _failure;

    StateJournal(string directory, SafeFileHandle handle, IReadOnlyList<JournalEntry> recovered, long length, long compactAfterBytes,
        Action<Exception> onFailure)
    {
        _directory = directory;
        _handle = handle;
        _length = length;
        _compactAfterBytes = compactAfterBytes;
        _onFailure = onFailure;
        Recovered = recovered;
        _durableSequence = recovered.Count > 0 ? recovered[^1].Sequence : 0;
        _nextSequence = _durableSequence + 1;
        _flusher = Task.Run(FlushLoopAsync);
    }

    public string Path => System.IO.Path.Combine(_directory, FileName);

    /// <summary>Entries found on disk when the journal was opened, in order: Marten may not have them yet.</summary>
    public IReadOnlyList<JournalEntry> Recovered { get; }

    /// <summary>Entries appended since the journal was opened, in journal order, once each is on disk.</summary>
    public ChannelReader<JournalEntry> Durable => _durable.Reader;

    /// <summary>The highest sequence on disk.</summary>
    public long DurableSequence => Interlocked.Read(ref _durableSequence);

    /// <summary>How many write + fsync rounds the journal has made (each serves every append queued before it).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>The current size of the journal file.</summary>
    public long Length { get { lock (_file) return _length; } }

    /// <summary>
    /// Queues the events for <paramref name="stream"/>, decided on <paramref name="fromVersion"/>, and returns when they
    /// are on disk. Call it while holding the stream's turn (journal order is queue order) and await it after.
    /// </summary>
    public Task AppendAsync(string stream, long fromVersion, IReadOnlyList<object> events)
    {
        if (events.Count == 0) throw new ArgumentException("an entry needs at least one event", nameof(events));
        if (Volatile.Read(ref _failure) is { } failure) return Task.FromException(new JournalFailedException(failure));
        var pending = new PendingAppend(stream, fromVersion, events);
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException(new ObjectDisposedException(nameof(StateJournal)));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _flusher;
        lock (_file) _handle.Dispose();
    }

    sealed record PendingAppend(string Stream, long FromVersion, IReadOnlyList<object> Events)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A write or fsync of the journal failed: what is on disk is unknown, so nothing more is accepted.</summary>
public sealed class JournalFailedException(Exception inner)
    : Exception($"the networking journal cannot be written ({inner.Message}); restart the service to recover from the journal", inner);

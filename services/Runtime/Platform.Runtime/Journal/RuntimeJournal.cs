using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Platform.Runtime.Journal;

/// <summary>
/// The runtime's append-only write-ahead journal: the source of truth for this host. Appends are group-committed:
/// whatever is queued while one batch is written goes out in the next single write + fsync, so many concurrent
/// appends cost one flush. An append completes only once its record is on disk.
/// </summary>
public sealed partial class RuntimeJournal : IAsyncDisposable
{
    readonly SafeFileHandle _file;
    readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    readonly Lock _index = new();
    readonly List<long> _offsets = [];
    readonly Channel<bool> _durableSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    readonly TimeProvider _time;
    readonly Task _writer;
    long _length;

    RuntimeJournal(string directory, Guid epoch, SafeFileHandle file, TimeProvider time)
    {
        Directory = directory;
        Epoch = epoch;
        _file = file;
        _time = time;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Identifies this journal's lifetime: a new root starts a new epoch, so sequences never collide downstream.</summary>
    public Guid Epoch { get; }
    public string Directory { get; }

    /// <summary>Highest sequence known to be on disk.</summary>
    public long DurableSequence { get { lock (_index) return _offsets.Count; } }

    /// <summary>Completes (with a wake-up) whenever new entries became durable.</summary>
    public ChannelReader<bool> Durable => _durableSignal.Reader;

    public ValueTask<long> AppendAsync(string type, string stream, byte[] data, CancellationToken ct = default)
    {
        var pending = new PendingAppend(type, stream, data);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(RuntimeJournal));
        return new ValueTask<long>(pending.Completion.Task.WaitAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        _file.Dispose();
    }

    sealed record PendingAppend(string Type, string Stream, byte[] Data)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

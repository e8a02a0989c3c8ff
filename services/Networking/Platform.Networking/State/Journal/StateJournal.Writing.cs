namespace Platform.Networking.State.Journal;

public sealed partial class StateJournal
{
    /// <summary>
    /// The single flusher: takes everything queued, numbers it, writes it with one write and one fsync, then completes
    /// every append of the batch. Appends queued meanwhile wait for the next round: that is the group commit.
    /// </summary>
    async Task FlushLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            if (Volatile.Read(ref _failure) is { } failed)
            {
                foreach (var pending in batch) pending.Done.TrySetException(new JournalFailedException(failed));
                continue;
            }
            try
            {
                var entries = Write(batch);
                Interlocked.Exchange(ref _durableSequence, entries[^1].Sequence);
                foreach (var entry in entries) _durable.Writer.TryWrite(entry);
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch (Exception error)
            {
                Volatile.Write(ref _failure, error);
                foreach (var pending in batch) pending.Done.TrySetException(new JournalFailedException(error));
                _onFailure(error);
            }
        }
        _durable.Writer.TryComplete();
    }

    List<JournalEntry> Write(List<PendingAppend> batch)
    {
        var entries = batch.Select((p, i) => new JournalEntry(_nextSequence + i, p.Stream, p.FromVersion, p.Events)).ToList();
        var lines = entries.Select(JournalLines.Encode).ToList();
        var buffer = new byte[lines.Sum(l => l.Length)];
        var at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(buffer, at);
            at += line.Length;
        }
        lock (_file)
        {
            RandomAccess.Write(_handle, buffer, _length);
            RandomAccess.FlushToDisk(_handle);
            for (int i = 0, offset = 0; i < entries.Count; offset += lines[i].Length, i++) _lines.Add((entries[i].Sequence, _length + offset));
            _length += buffer.Length;
        }
        Interlocked.Increment(ref _flushes);
        _nextSequence += entries.Count;
        return entries;
    }
}

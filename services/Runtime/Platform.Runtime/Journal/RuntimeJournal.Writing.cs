namespace Platform.Runtime.Journal;

public sealed partial class RuntimeJournal
{
    async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        var buffer = new byte[64 * 1024];
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                var offsets = WriteBatch(batch, ref buffer);
                lock (_index) _offsets.AddRange(offsets);
                for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(offsets.Count > 0 ? FirstSequence(offsets.Count) + i : 0);
                _durableSignal.Writer.TryWrite(true);
            }
            catch (Exception ex)
            {
                foreach (var p in batch) p.Completion.TrySetException(ex);
            }
        }
    }

    long FirstSequence(int batchCount) { lock (_index) return _offsets.Count - batchCount + 1; }

    List<long> WriteBatch(List<PendingAppend> batch, ref byte[] buffer)
    {
        var now = _time.GetUtcNow();
        long next;
        lock (_index) next = _offsets.Count + 1;
        var entries = batch.Select((p, i) => new JournalEntry(next + i, p.Type, p.Stream, now, p.Data)).ToList();
        var size = entries.Sum(JournalRecord.Size);
        if (buffer.Length < size) buffer = new byte[Math.Max(size, buffer.Length * 2)];

        var offsets = new List<long>(entries.Count);
        var written = 0;
        foreach (var e in entries)
        {
            offsets.Add(_length + written);
            written += JournalRecord.Write(e, buffer.AsSpan(written));
        }
        RandomAccess.Write(_file, buffer.AsSpan(0, written), _length);
        RandomAccess.FlushToDisk(_file);
        _length += written;
        return offsets;
    }
}

namespace Platform.Runtime.Journal;

public sealed partial class RuntimeJournal
{
    /// <summary>Durable entries with a sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    public IEnumerable<JournalEntry> ReadAfter(long afterSequence, int max = int.MaxValue)
    {
        long start, end;
        lock (_index)
        {
            if (afterSequence >= _offsets.Count) yield break;
            start = _offsets[(int)afterSequence];
            var last = (int)Math.Min(_offsets.Count, afterSequence + (long)max);
            end = last == _offsets.Count ? _length : _offsets[last];
        }
        var buffer = new byte[(int)(end - start)];
        RandomAccess.Read(_file, buffer, start);
        var at = 0;
        while (at < buffer.Length && JournalRecord.TryRead(buffer.AsSpan(at), out var entry, out var consumed))
        {
            at += consumed;
            yield return entry;
        }
    }
}

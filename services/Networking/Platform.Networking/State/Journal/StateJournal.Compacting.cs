namespace Platform.Networking.State.Journal;

public sealed partial class StateJournal
{
    /// <summary>
    /// Drops the entries the database has (sequence ≤ <paramref name="writtenThrough"/>). When it has all of them the
    /// file is truncated; otherwise, once the written prefix passes the threshold, the rest is copied to a new file
    /// that atomically replaces the journal. Either way a crash leaves a journal whose entries are all still due or
    /// already written (the writer skips those by their stream version).
    /// </summary>
    public void Compact(long writtenThrough)
    {
        lock (_file)
        {
            if (Volatile.Read(ref _failure) is not null || _lines.Count == 0 || _lines[0].Sequence > writtenThrough) return;
            var keep = _lines.FindIndex(l => l.Sequence > writtenThrough);
            if (keep < 0)
            {
                RandomAccess.SetLength(_handle, 0);
                RandomAccess.FlushToDisk(_handle);
                _lines.Clear();
                _length = 0;
            }
            else if (_lines[keep].Offset >= _compactAfterBytes)
            {
                Rewrite(keep, _lines[keep].Offset);
            }
        }
    }

    void Rewrite(int keep, long offset)
    {
        var tail = new byte[_length - offset];
        for (var read = 0; read < tail.Length;) read += RandomAccess.Read(_handle, tail.AsSpan(read), offset + read);
        var temp = Path + ".compacting";
        using (var next = File.OpenHandle(temp, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(next, tail, 0);
            RandomAccess.FlushToDisk(next);
        }
        File.Move(temp, Path, overwrite: true);
        DirectorySync.Flush(_directory);
        _handle.Dispose();
        _handle = File.OpenHandle(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        _lines.RemoveRange(0, keep);
        for (var i = 0; i < _lines.Count; i++) _lines[i] = (_lines[i].Sequence, _lines[i].Offset - offset);
        _length = tail.Length;
    }
}

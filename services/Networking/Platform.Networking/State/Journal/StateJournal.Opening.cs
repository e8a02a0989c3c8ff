namespace Platform.Networking.State.Journal;

public sealed partial class StateJournal
{
    public const long DefaultCompactAfterBytes = 1024 * 1024;

    /// <summary>
    /// Opens (or creates) the journal in <paramref name="directory"/> and reads what it holds. A torn last line (a
    /// crash mid-write: no '\n', or not a whole entry) is cut so the next append starts on a clean line; a bad line
    /// with whole entries after it is corruption, not a torn write, and refuses to open.
    /// </summary>
    /// <param name="onFailure">Called once if a write or fsync fails; the journal accepts nothing after that.</param>
    public static StateJournal Open(string directory, Action<Exception> onFailure, ILogger logger, long compactAfterBytes = DefaultCompactAfterBytes)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var created = !File.Exists(path);
        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (created) DirectorySync.Flush(directory);
        var length = RandomAccess.GetLength(handle);
        var data = new byte[length];
        for (var read = 0; read < length;) read += RandomAccess.Read(handle, data.AsSpan(read), read);

        var (entries, lines, whole) = Parse(data, path);
        if (whole < length)
        {
            logger.LogWarning("Journal {Path}: cut a torn last line of {Bytes} bytes after sequence {Sequence}",
                path, length - whole, entries.Count > 0 ? entries[^1].Sequence : 0);
            RandomAccess.SetLength(handle, whole);
            RandomAccess.FlushToDisk(handle);
        }
        if (entries.Count > 0) logger.LogInformation("Journal {Path}: {Entries} entries not yet known to be in the database", path, entries.Count);
        var journal = new StateJournal(directory, handle, entries, whole, compactAfterBytes, onFailure);
        journal._lines.AddRange(lines);
        return journal;
    }

    static (List<JournalEntry> Entries, List<(long, long)> Lines, long Whole) Parse(ReadOnlySpan<byte> data, string path)
    {
        var entries = new List<JournalEntry>();
        var lines = new List<(long, long)>();
        var at = 0;
        while (at < data.Length)
        {
            var end = data[at..].IndexOf((byte)'\n');
            if (end < 0) break;
            if (!JournalLines.TryDecode(data.Slice(at, end), out var entry) || (entries.Count > 0 && entry.Sequence <= entries[^1].Sequence))
            {
                if (HasWholeEntry(data[(at + end + 1)..]))
                    throw new InvalidDataException($"journal {path}: the line at byte {at} is corrupt and whole entries follow it");
                break;
            }
            entries.Add(entry);
            lines.Add((entry.Sequence, at));
            at += end + 1;
        }
        return (entries, lines, at);
    }

    static bool HasWholeEntry(ReadOnlySpan<byte> rest)
    {
        for (int end; (end = rest.IndexOf((byte)'\n')) >= 0; rest = rest[(end + 1)..])
            if (JournalLines.TryDecode(rest[..end], out _)) return true;
        return false;
    }
}

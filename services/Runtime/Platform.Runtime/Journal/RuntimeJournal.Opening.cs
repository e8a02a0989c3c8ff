using Microsoft.Extensions.Logging;

namespace Platform.Runtime.Journal;

public sealed partial class RuntimeJournal
{
    public const string FileName = "journal.log";
    public const string EpochFileName = "journal.epoch";

    /// <summary>
    /// Opens (or creates) the journal in <paramref name="directory"/>, replays it, and cuts a torn tail left by a
    /// crash mid-write so the next append lands on a clean boundary.
    /// </summary>
    public static RuntimeJournal Open(string directory, TimeProvider time, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(directory);
        var epoch = ReadOrCreateEpoch(Path.Combine(directory, EpochFileName));
        var file = File.OpenHandle(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var journal = new RuntimeJournal(directory, epoch, file, time);
        journal.Replay(logger);
        return journal;
    }

    void Replay(ILogger logger)
    {
        var length = RandomAccess.GetLength(_file);
        var data = new byte[length];
        var read = 0;
        while (read < length) read += RandomAccess.Read(_file, data.AsSpan(read), read);

        var at = 0;
        while (at < data.Length && JournalRecord.TryRead(data.AsSpan(at), out var entry, out var consumed))
        {
            if (entry.Sequence != _offsets.Count + 1) break;
            _offsets.Add(at);
            at += consumed;
        }
        if (at < length)
        {
            logger.LogWarning("Journal {Path}: cut a torn tail of {Bytes} bytes after sequence {Sequence}",
                Path.Combine(Directory, FileName), length - at, _offsets.Count);
            RandomAccess.SetLength(_file, at);
            RandomAccess.FlushToDisk(_file);
        }
        _length = at;
        logger.LogInformation("Journal replayed: {Entries} entries, epoch {Epoch}", _offsets.Count, Epoch);
    }

    static Guid ReadOrCreateEpoch(string path)
    {
        if (File.Exists(path) && Guid.TryParse(File.ReadAllText(path).Trim(), out var existing)) return existing;
        var epoch = Guid.NewGuid();
        var temp = path + ".tmp";
        File.WriteAllText(temp, epoch.ToString());
        File.Move(temp, path, overwrite: true);
        return epoch;
    }
}

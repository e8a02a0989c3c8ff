using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Runtime.Journal;
using Platform.Runtime.Shipping;

namespace Platform.Runtime.Tests.Unit.Journal;

public sealed class RuntimeJournalTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "journal-test-" + Guid.NewGuid().ToString("N"));

    RuntimeJournal Open() => RuntimeJournal.Open(_dir, TimeProvider.System, NullLogger.Instance);

    static byte[] Data(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Appends_are_numbered_in_order_and_survive_a_reopen()
    {
        await using (var journal = Open())
        {
            Assert.Equal(1, await journal.AppendAsync("a", "s1", Data("{\"n\":1}")));
            Assert.Equal(2, await journal.AppendAsync("b", "s2", Data("{\"n\":2}")));
        }
        await using var reopened = Open();
        var entries = reopened.ReadAfter(0).ToList();
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal(["a", "b"], entries.Select(e => e.Type));
        Assert.Equal("{\"n\":2}", Encoding.UTF8.GetString(entries[1].Data));
        Assert.Equal(3, await reopened.AppendAsync("c", "s3", Data("{}")));
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_gapless_sequences()
    {
        await using var journal = Open();
        var sequences = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(i => journal.AppendAsync("e", "s", Data($"{{\"i\":{i}}}")).AsTask()));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), sequences.Order());
        Assert.Equal(500, journal.DurableSequence);
        Assert.Equal(500, journal.ReadAfter(0).Count());
    }

    [Fact]
    public async Task A_torn_tail_is_cut_and_the_next_append_lands_cleanly()
    {
        await using (var journal = Open())
        {
            await journal.AppendAsync("a", "s", Data("{}"));
            await journal.AppendAsync("b", "s", Data("{}"));
        }
        var path = Path.Combine(_dir, RuntimeJournal.FileName);
        var intact = new FileInfo(path).Length;
        await using (var file = new FileStream(path, FileMode.Append))
            await file.WriteAsync(new byte[] { 40, 0, 0, 0, 1, 2, 3 }); // a crash mid-record

        await using var reopened = Open();
        Assert.Equal(2, reopened.DurableSequence);
        Assert.Equal(intact, new FileInfo(path).Length);
        Assert.Equal(3, await reopened.AppendAsync("c", "s", Data("{}")));
        Assert.Equal(["a", "b", "c"], reopened.ReadAfter(0).Select(e => e.Type));
    }

    [Fact]
    public async Task A_corrupted_record_ends_replay_there()
    {
        await using (var journal = Open())
            for (var i = 0; i < 3; i++) await journal.AppendAsync("e" + i, "s", Data("{\"x\":1}"));
        var path = Path.Combine(_dir, RuntimeJournal.FileName);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^2] ^= 0xFF; // flip a bit in the last record's data
        await File.WriteAllBytesAsync(path, bytes);

        await using var reopened = Open();
        Assert.Equal(["e0", "e1"], reopened.ReadAfter(0).Select(e => e.Type));
    }

    [Fact]
    public async Task ReadAfter_returns_only_later_entries_up_to_the_limit()
    {
        await using var journal = Open();
        for (var i = 0; i < 10; i++) await journal.AppendAsync("e", "s", Data("{}"));
        Assert.Equal([4L, 5L, 6L], journal.ReadAfter(3, max: 3).Select(e => e.Sequence));
        Assert.Empty(journal.ReadAfter(10));
    }

    [Fact]
    public async Task The_epoch_is_kept_across_reopens_so_message_ids_are_stable()
    {
        Guid first;
        await using (var journal = Open()) first = journal.Epoch;
        await using var reopened = Open();
        Assert.Equal(first, reopened.Epoch);
        Assert.Equal(JournalMapper.MessageIdFor(first, 7), JournalMapper.MessageIdFor(reopened.Epoch, 7));
        Assert.NotEqual(JournalMapper.MessageIdFor(first, 7), JournalMapper.MessageIdFor(first, 8));
        Assert.NotEqual(JournalMapper.MessageIdFor(first, 7), JournalMapper.MessageIdFor(Guid.NewGuid(), 7));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}

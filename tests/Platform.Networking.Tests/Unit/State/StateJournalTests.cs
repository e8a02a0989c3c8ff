using System.Text;
using Platform.Networking.Networks;
using Platform.Networking.Sandboxes;
using Platform.Networking.State.Journal;
using Platform.Networking.Tests.Unit.Networks;

namespace Platform.Networking.Tests.Unit.State;

public sealed class StateJournalTests
{
    static readonly object[] Left = [new EndpointLeft("a1", "host-1", "backend", "ep-1", "c1", Given.Now)];

    [Fact]
    public async Task Appended_entries_are_on_disk_in_order_and_come_back_when_the_journal_is_opened_again()
    {
        var directory = Journals.NewDirectory();
        await using (var journal = Journals.Open(directory))
        {
            await journal.AppendAsync("a1", 0, [Given.UserNetwork()]);
            await journal.AppendAsync("a1", 1, [Given.Joined("a1", "c1", "10.10.0.2")]);
            await journal.AppendAsync("sandbox:c1", 0, [new SandboxRemoved("sandbox:c1", Given.Now)]);
            Assert.Equal([1L, 2, 3], journal.Drain().Select(e => e.Sequence));
        }

        await using var reopened = Journals.Open(directory);

        Assert.Equal([("a1", 0L, 1L), ("a1", 1, 2), ("sandbox:c1", 0, 1)], reopened.Recovered.Select(e => (e.Stream, e.FromVersion, e.ToVersion)));
        Assert.Equal("10.10.0.2", Assert.IsType<EndpointJoined>(reopened.Recovered[1].Events[0]).Address);
        await reopened.AppendAsync("a1", 2, Left);
        Assert.Equal(4, Assert.Single(reopened.Drain()).Sequence);
    }

    [Fact]
    public async Task Concurrent_appends_share_one_write_and_fsync()
    {
        await using var journal = Journals.Open(Journals.NewDirectory());

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => journal.AppendAsync($"s{i}", 0, Left)));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), journal.Drain().Select(e => e.Sequence));
        Assert.InRange(journal.Flushes, 1, 100);
    }

    [Fact]
    public async Task A_torn_last_line_is_ignored_and_cut_so_the_next_entry_starts_clean()
    {
        var directory = Journals.NewDirectory();
        await using (var journal = Journals.Open(directory))
        {
            await journal.AppendAsync("a1", 0, [Given.UserNetwork()]);
            await journal.AppendAsync("a1", 1, Left);
        }
        var whole = new FileInfo(Journals.FileOf(directory)).Length;
        await File.AppendAllTextAsync(Journals.FileOf(directory), """{"seq":3,"stream":"a1","from":2,"events":[{"type":"Endpoi""");

        await using (var reopened = Journals.Open(directory))
        {
            Assert.Equal([1L, 2], reopened.Recovered.Select(e => e.Sequence));
            Assert.Equal(whole, new FileInfo(Journals.FileOf(directory)).Length);
            await reopened.AppendAsync("a1", 2, Left);
        }

        await using var again = Journals.Open(directory);
        Assert.Equal([1L, 2, 3], again.Recovered.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_bad_line_with_whole_entries_after_it_is_corruption_and_refuses_to_open()
    {
        var directory = Journals.NewDirectory();
        await using (var journal = Journals.Open(directory))
            await journal.AppendAsync("a1", 0, Left);
        var good = await File.ReadAllTextAsync(Journals.FileOf(directory));
        await File.WriteAllTextAsync(Journals.FileOf(directory), good + "not json\n" + good.Replace("\"seq\":1", "\"seq\":2"));

        Assert.Throws<InvalidDataException>(() => Journals.Open(directory));
    }

    [Fact]
    public async Task Compaction_keeps_only_what_is_not_written_and_truncates_once_everything_is()
    {
        var directory = Journals.NewDirectory();
        await using (var journal = Journals.Open(directory, compactAfterBytes: 1))
        {
            for (var i = 0; i < 3; i++) await journal.AppendAsync("a1", i, Left);
            journal.Compact(2);
        }

        await using (var reopened = Journals.Open(directory))
        {
            Assert.Equal([3L], reopened.Recovered.Select(e => e.Sequence));
            reopened.Compact(3);
            Assert.Equal((0L, 0L), (reopened.Length, new FileInfo(Journals.FileOf(directory)).Length));
            await reopened.AppendAsync("a1", 3, Left);
        }

        await using var again = Journals.Open(directory);
        Assert.Equal([4L], again.Recovered.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Below_the_threshold_a_partly_written_journal_is_left_as_it_is()
    {
        var directory = Journals.NewDirectory();
        await using var journal = Journals.Open(directory);
        for (var i = 0; i < 3; i++) await journal.AppendAsync("a1", i, Left);
        var length = journal.Length;

        journal.Compact(2);

        Assert.Equal(length, new FileInfo(Journals.FileOf(directory)).Length);
    }

    [Fact]
    public void Every_event_kind_reads_back_as_it_was_written()
    {
        var attachment = new SandboxAttachment("a1", "backend", "ep-1", "eth0", "pv0123456789a", "pbr-a1", "10.10.0.2", 24, "10.10.0.1",
            "02:42:0a:0a:00:02", true, ["web", "abc"]);
        object[] events =
        [
            Given.UserNetwork(aux: new Dictionary<string, string> { ["router"] = "10.10.0.9" }), Given.Joined("a1", "c1", "10.10.0.2"), Left[0],
            new NetworkRemoved("a1", "host-1", "backend", "bridge", Given.Now),
            new SandboxCreated("sandbox:c1", "c1", "web", "/run/netns/c1", [new("tcp", 80, "", 0)], [new("tcp", 80, "0.0.0.0", 32768)], Given.Now),
            new SandboxEndpointAttached("sandbox:c1", attachment, Given.Now), new SandboxEndpointDetached("sandbox:c1", "ep-1", Given.Now),
            new SandboxRemoved("sandbox:c1", Given.Now),
        ];
        var line = JournalLines.Encode(new JournalEntry(7, "s", 3, events));

        Assert.True(JournalLines.TryDecode(line.AsSpan(0, line.Length - 1), out var decoded));
        Assert.Equal(Encoding.UTF8.GetString(line), Encoding.UTF8.GetString(JournalLines.Encode(decoded)));
        Assert.Equal(events.Select(e => e.GetType()), decoded.Events.Select(e => e.GetType()));
    }
}

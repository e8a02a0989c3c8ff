using Marten;
using Platform.Networking.State.Journal;

namespace Platform.Networking.State;

/// <summary>
/// Appends journal entries to their Marten streams in journal order, each once: an entry whose stream is already at
/// (or past) the version it leads to was written before (a retry after a crash) and is skipped; the others are
/// appended with that version expected, so a concurrent writer fails the append instead of interleaving with it.
/// Entries go in runs without a repeated stream, one transaction each, so Marten's global order is the journal's.
/// </summary>
public sealed class MartenAppender(IDocumentStore store)
{
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        foreach (var run in Runs(await DueAsync(entries, ct)))
        {
            await using var session = store.LightweightSession();
            foreach (var entry in run)
            {
                if (entry.FromVersion == 0) session.Events.StartStream(entry.Stream, entry.Events.ToArray());
                else session.Events.Append(entry.Stream, entry.ToVersion, entry.Events.ToArray());
            }
            await session.SaveChangesAsync(ct);
        }
    }

    async Task<List<JournalEntry>> DueAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var states = entries.Select(e => e.Stream).Distinct(StringComparer.Ordinal).ToDictionary(s => s, s => batch.Events.FetchStreamState(s));
        await batch.Execute(ct);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (stream, state) in states) versions[stream] = (await state)?.Version ?? 0;

        var due = new List<JournalEntry>();
        foreach (var entry in entries)
        {
            var version = versions[entry.Stream];
            if (version >= entry.ToVersion) continue;
            if (version != entry.FromVersion)
                throw new InvalidOperationException(
                    $"stream {entry.Stream} is at version {version} in the database, but journal entry {entry.Sequence} follows version {entry.FromVersion}");
            due.Add(entry);
            versions[entry.Stream] = entry.ToVersion;
        }
        return due;
    }

    static IEnumerable<List<JournalEntry>> Runs(List<JournalEntry> entries)
    {
        var run = new List<JournalEntry>();
        var streams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!streams.Add(entry.Stream))
            {
                yield return run;
                run = [];
                streams = [entry.Stream];
            }
            run.Add(entry);
        }
        if (run.Count > 0) yield return run;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Platform.Networking.State.Journal;

namespace Platform.Networking.Tests.Unit.State;

/// <summary>Journals in a temporary directory of their own.</summary>
static class Journals
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("platform-networking-journal-").FullName;

    public static StateJournal Open(string directory, long compactAfterBytes = StateJournal.DefaultCompactAfterBytes) =>
        StateJournal.Open(directory, error => throw new InvalidOperationException("the journal failed", error), NullLogger.Instance, compactAfterBytes);

    public static string FileOf(string directory) => Path.Combine(directory, StateJournal.FileName);

    /// <summary>Everything the journal handed to its writer so far.</summary>
    public static List<JournalEntry> Drain(this StateJournal journal)
    {
        var entries = new List<JournalEntry>();
        while (journal.Durable.TryRead(out var entry)) entries.Add(entry);
        return entries;
    }
}

namespace Platform.Networking.State.Journal;

/// <summary>
/// One durable append to one stream: the events a decision produced, on the stream version it was decided on.
/// <paramref name="Sequence"/> orders entries across every stream of the host, as they were journaled.
/// </summary>
public sealed record JournalEntry(long Sequence, string Stream, long FromVersion, IReadOnlyList<object> Events)
{
    /// <summary>The stream's version once the entry is applied: the version Marten reaches when it is written.</summary>
    public long ToVersion => FromVersion + Events.Count;
}

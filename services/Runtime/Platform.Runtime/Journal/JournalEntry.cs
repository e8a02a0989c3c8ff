namespace Platform.Runtime.Journal;

/// <summary>
/// One durable fact in the runtime's write-ahead journal. <see cref="Data"/> is the UTF-8 JSON of the
/// domain event named by <see cref="Type"/>; <see cref="Stream"/> is the resource it belongs to.
/// </summary>
public sealed record JournalEntry(long Sequence, string Type, string Stream, DateTimeOffset At, byte[] Data);

namespace Platform.Runtime.Engine;

/// <summary>Which stored lines to read: Since and Until are inclusive; Tail keeps the last N matching lines.</summary>
public sealed record LogQuery(bool Stdout, bool Stderr, DateTimeOffset? Since, DateTimeOffset? Until, int? Tail, bool Follow);

/// <summary>One line of container output; Line includes its "\n" when the line had one.</summary>
public sealed record LogEntry(AttachStream Stream, DateTimeOffset Time, ReadOnlyMemory<byte> Line);

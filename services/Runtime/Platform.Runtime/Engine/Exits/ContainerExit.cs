namespace Platform.Runtime.Engine;

/// <summary>A container's main process ended: its code (128+N when killed by signal N), whether the OOM killer struck.</summary>
public sealed record ContainerExit(string Id, int ExitCode, bool OomKilled, DateTimeOffset At);

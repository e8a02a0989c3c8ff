namespace Platform.Runtime.Engine;

/// <summary>Which stream bytes belong to; the values are Docker's multiplexed-stream ids.</summary>
public enum AttachStream { Stdin = 0, Stdout = 1, Stderr = 2 }

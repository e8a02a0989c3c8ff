namespace Platform.Runtime.Engine;

public enum ContainerRunState { Created, Running, Paused, Stopped }

/// <summary>What runc knows about a container: its state and the host pid of its first process (0 when stopped).</summary>
public sealed record ContainerProcessState(ContainerRunState Status, int Pid);

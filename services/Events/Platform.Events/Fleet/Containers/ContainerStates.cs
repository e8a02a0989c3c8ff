namespace Platform.Events.Fleet.Containers;

/// <summary>Container states as Docker names them (State.Status, the ps "status" filter).</summary>
public static class ContainerStates
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Exited = "exited";

    /// <summary>Every state Docker's "status" filter accepts; restarting, removing and dead are never reached from the log.</summary>
    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Created, "restarting", Running, "removing", Paused, Exited, "dead" };

    /// <summary>What "docker ps" lists without -a: containers that are up, paused ones included.</summary>
    public static readonly string[] Up = [Running, Paused, "restarting"];
}

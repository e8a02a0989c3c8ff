using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Exec;

/// <summary>What exec create received (Docker's ExecConfig; "TTY" and "Tty" both read, names are case-insensitive).</summary>
public sealed class ExecConfig
{
    public string User { get; set; } = "";
    public bool Privileged { get; set; }
    public bool Tty { get; set; }
    public int[]? ConsoleSize { get; set; }
    public bool AttachStdin { get; set; }
    public bool AttachStdout { get; set; }
    public bool AttachStderr { get; set; }
    public string DetachKeys { get; set; } = "";
    public List<string>? Env { get; set; }
    public string WorkingDir { get; set; } = "";
    public List<string>? Cmd { get; set; }
}

public sealed class ExecStartConfig
{
    public bool Detach { get; set; }
    public bool Tty { get; set; }
    public int[]? ConsoleSize { get; set; }
}

/// <summary>One exec instance: created, then started once; its exit code is set before its stream closes.</summary>
public sealed class ExecInstance(string id, string containerId, ExecConfig config)
{
    public string Id { get; } = id;
    public string ContainerId { get; } = containerId;
    public ExecConfig Config { get; } = config;
    public bool Started { get; set; }
    public bool Running { get; set; }
    public int? ExitCode { get; set; }
    public int Pid { get; set; }
    public ExecSession? Session { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

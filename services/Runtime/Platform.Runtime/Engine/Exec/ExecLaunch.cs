namespace Platform.Runtime.Engine;

/// <summary>A process to run in a running container. Empty WorkingDir/User mean the container's own.</summary>
public sealed record ExecLaunch(IReadOnlyList<string> Args, IReadOnlyList<string> Env, string WorkingDir, string User,
    bool Tty, bool Stdin, bool Privileged, int ConsoleHeight, int ConsoleWidth);

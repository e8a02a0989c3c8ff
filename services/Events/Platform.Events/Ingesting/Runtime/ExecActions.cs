namespace Platform.Events.Ingesting.Runtime;

/// <summary>
/// moby names exec events after the command: "exec_create: " + entrypoint + " " + the arguments joined by spaces
/// (so a command without arguments keeps a trailing space, as docker events prints it).
/// </summary>
static class ExecActions
{
    public static string WithCommand(string action, IReadOnlyList<string> command) =>
        command.Count == 0 ? action + ":  " : $"{action}: {command[0]} {string.Join(' ', command.Skip(1))}";
}

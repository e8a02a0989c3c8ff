using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Runtime.Journal;

namespace Platform.Runtime.Containers.Exec;

/// <summary>An exec instance was created in a container (Docker's exec_create); Command is its Cmd.</summary>
public sealed record ExecCreated(string ContainerId, string ExecId, IReadOnlyList<string> Command, DateTimeOffset CreatedAt)
{
    public const string Type = "exec-created";
}

/// <summary>An exec instance's process is being started (Docker's exec_start, logged before the process runs).</summary>
public sealed record ExecStarted(string ContainerId, string ExecId, IReadOnlyList<string> Command, DateTimeOffset StartedAt)
{
    public const string Type = "exec-started";
}

/// <summary>An exec instance's process ended with ExitCode (Docker's exec_die).</summary>
public sealed record ExecDied(string ContainerId, string ExecId, int ExitCode, DateTimeOffset DiedAt)
{
    public const string Type = "exec-died";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExecCreated))]
[JsonSerializable(typeof(ExecStarted))]
[JsonSerializable(typeof(ExecDied))]
public sealed partial class ExecJournalJson : JsonSerializerContext;

/// <summary>
/// Journals exec facts on their container's stream. Exec instances themselves stay in memory (as in Docker); these
/// entries exist so the facts reach the state log as events.
/// </summary>
public sealed class ExecJournal(RuntimeJournal journal, TimeProvider time)
{
    static ExecJournalJson Json => ExecJournalJson.Default;

    public ValueTask<long> CreatedAsync(ExecInstance exec) => AppendAsync(ExecCreated.Type, exec.ContainerId,
        JsonSerializer.SerializeToUtf8Bytes(new ExecCreated(exec.ContainerId, exec.Id, Command(exec), time.GetUtcNow()), Json.ExecCreated));

    public ValueTask<long> StartedAsync(ExecInstance exec) => AppendAsync(ExecStarted.Type, exec.ContainerId,
        JsonSerializer.SerializeToUtf8Bytes(new ExecStarted(exec.ContainerId, exec.Id, Command(exec), time.GetUtcNow()), Json.ExecStarted));

    public ValueTask<long> DiedAsync(ExecInstance exec, int exitCode) => AppendAsync(ExecDied.Type, exec.ContainerId,
        JsonSerializer.SerializeToUtf8Bytes(new ExecDied(exec.ContainerId, exec.Id, exitCode, time.GetUtcNow()), Json.ExecDied));

    ValueTask<long> AppendAsync(string type, string containerId, byte[] data) =>
        journal.AppendAsync(type, "container:" + containerId, data, CancellationToken.None);

    static IReadOnlyList<string> Command(ExecInstance exec) => exec.Config.Cmd ?? [];
}

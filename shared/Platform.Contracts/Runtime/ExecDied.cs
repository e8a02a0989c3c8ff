using MassTransit;

namespace Platform.Contracts.Runtime;

/// <summary>
/// An exec instance's process ended (docker's "exec_die"), with its exit code. Name is the container's, without the
/// leading "/"; Image is the reference as the user gave it; Labels are the container's. Published from the runtime
/// journal.
/// </summary>
[MessageUrn("runtime.exec-died")]
[EntityName("runtime.exec-died")]
public sealed record ExecDied(
    string ContainerId,
    string HostId,
    string Name,
    string Image,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    string ExecId,
    int ExitCode,
    long JournalSequence,
    DateTimeOffset DiedAt);

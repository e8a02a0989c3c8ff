namespace Platform.Runtime.Engine;

/// <summary>
/// A process started in a running container under its own conmon: output and stdin as on an <see cref="AttachSession"/>
/// (one stream with a TTY), the exit code once it ends, and TTY resizes through conmon's control fifo.
/// </summary>
public sealed class ExecSession : IAsyncDisposable
{
    readonly AttachSession _io;
    readonly string _directory;

    internal ExecSession(string id, int pid, AttachSession io, string directory, Task<int> exitCode)
    {
        (Id, Pid, _io, _directory, ExitCode) = (id, pid, io, directory, exitCode);
    }

    public string Id { get; }

    /// <summary>The host pid of the exec'd process.</summary>
    public int Pid { get; }

    /// <summary>The process's exit code (128+N when killed by signal N); set before the output ends.</summary>
    public Task<int> ExitCode { get; }

    public ValueTask<(AttachStream Kind, int Count)> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => _io.ReadAsync(buffer, ct);

    public ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default) => _io.WriteStdinAsync(data, ct);

    public ValueTask CloseStdinAsync() => _io.CloseStdinAsync();

    public Task ResizeAsync(int height, int width) => ControlFifo.ResizeAsync(_directory, height, width);

    public ValueTask DisposeAsync() => _io.DisposeAsync();
}

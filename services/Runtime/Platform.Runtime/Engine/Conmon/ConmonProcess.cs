using Platform.Runtime.Oci.Native;
using System.Text;
using System.Text.Json;
using Platform.Runtime.Engine.Native;

namespace Platform.Runtime.Engine.Conmon;

/// <summary>
/// One conmon started with its parent pipes (podman's protocol): conmon blocks on the start pipe, reports
/// {"data": pid} or {"data": -1, "message": "…"} on the sync pipe (an exec's exit code follows there too), and with
/// --exec-attach says {"data": 0} on the attach pipe once its attach socket listens. conmon's stderr is a file in its
/// working directory, unlinked once this object goes: a pipe would hold a descriptor here for the container's whole
/// life, and once runtime closed it (a restart, a collection) a later write could kill conmon with SIGPIPE.
/// </summary>
sealed class ConmonProcess : IDisposable
{
    readonly FileStream _start;
    readonly StreamReader _sync;
    readonly StreamReader? _attachReady;
    readonly string _stderr;
    readonly int _pid;
    bool _released;

    ConmonProcess(int pid, FileStream start, StreamReader sync, StreamReader? attachReady, string stderr)
    {
        (_pid, _start, _sync, _attachReady, _stderr) = (pid, start, sync, attachReady, stderr);
    }

    public static ConmonProcess Spawn(string conmon, IReadOnlyList<string> args, bool attachPipe, string workingDir)
    {
        using var sync = new Pipe();
        using var start = new Pipe();
        using var attach = attachPipe ? new Pipe() : null;
        var stderrPath = Path.Combine(workingDir, $"conmon-{Guid.NewGuid():N}.stderr");
        using var stderr = new FileStream(stderrPath, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        var devNull = Libc.open("/dev/null", 2 | Libc.O_CLOEXEC);
        List<(int, int)> fds = [(devNull, 0), (devNull, 1), ((int)stderr.SafeFileHandle.DangerousGetHandle(), 2), (sync.WriteFd, 3), (start.ReadFd, 4)];
        List<string> env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "_OCI_SYNCPIPE=3", "_OCI_STARTPIPE=4"];
        if (attach is not null) { fds.Add((attach.WriteFd, 5)); env.Add("_OCI_ATTACHPIPE=5"); }
        int pid;
        try
        {
            pid = ProcessSpawner.Spawn(conmon, [conmon, .. args], env, fds, workingDir); // conmon drops an "oom" marker in its cwd
            _ = ProcessSpawner.WaitAsync(pid); // conmon forks its monitor and exits at once: reap it
        }
        catch
        {
            File.Delete(stderrPath);
            throw;
        }
        finally
        {
            Libc.close(devNull);
            sync.CloseWrite(); start.CloseRead(); attach?.CloseWrite();
        }
        return new ConmonProcess(pid, start.TakeWriter(), new StreamReader(sync.TakeReader(), Encoding.UTF8),
            attach is null ? null : new StreamReader(attach.TakeReader(), Encoding.UTF8), stderrPath);
    }

    /// <summary>Lets conmon go on (first write: fork; for an attached exec the second write: run the runtime).</summary>
    public async Task SignalStartAsync(bool last)
    {
        _released = true;
        await _start.WriteAsync(new byte[] { 0 });
        if (last) await _start.DisposeAsync();
    }

    public async Task WaitAttachReadyAsync(CancellationToken ct)
    {
        var message = await ReadAsync(_attachReady!, ct);
        if (message is null || message.Value.Data < 0) throw new EngineException(await Failure(message, "attach"));
    }

    /// <summary>The next sync pipe message, or null when conmon closed the pipe.</summary>
    public Task<(int Data, string? Message)?> ReadSyncAsync(CancellationToken ct) => ReadAsync(_sync, ct);

    public async Task<string> Failure((int Data, string? Message)? message, string step)
    {
        if (message?.Message is { Length: > 0 } text) return Clean(text);
        string stderr;
        try { stderr = await File.ReadAllTextAsync(_stderr, Encoding.UTF8); }
        catch (IOException) { stderr = ""; }
        return stderr.Trim().Length > 0 ? Clean(stderr) : $"conmon failed during {step}";
    }

    static async Task<(int Data, string? Message)?> ReadAsync(StreamReader reader, CancellationToken ct)
    {
        var line = await reader.ReadLineAsync(ct);
        if (line is null) return null;
        using var json = JsonDocument.Parse(line);
        var data = json.RootElement.TryGetProperty("data", out var d) ? d.GetInt32() : -1;
        var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        return (data, message);
    }

    /// <summary>runc's stderr as conmon relays it: logrus lines; keep the message.</summary>
    static string Clean(string text)
    {
        var msg = text.LastIndexOf("msg=\"", StringComparison.Ordinal);
        if (msg >= 0) text = text[(msg + 5)..].Trim().TrimEnd('"').Replace("\\\"", "\"");
        return text.Trim();
    }

    /// <summary>A conmon never let go is still blocked on its start pipe, our own child: it goes without running anything.</summary>
    public void Dispose()
    {
        if (!_released) Libc.kill(_pid, 9);
        _start.Dispose();
        _sync.Dispose();
        _attachReady?.Dispose();
        try { File.Delete(_stderr); } catch (IOException) { } // conmon may keep writing to the unlinked file
    }
}

using System.Text.Json;
using Platform.Runtime.Engine.Native;
using Platform.Runtime.Engine.Spec;
using Platform.Runtime.Oci;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Runc;

/// <summary>
/// The OCI runtime's operations on an existing container (create goes through conmon, start is <see cref="ExecFifo"/>):
/// runc's command line, or for the built-in runtime the same operations in this process.
/// </summary>
sealed class RuncClient(EngineSettings settings)
{
    readonly bool _builtin = Path.GetFileName(settings.Runc) == "platform-oci";

    /// <summary>runc's state directory of a container (state.json, exec.fifo).</summary>
    public string StateDir(string id) => Path.Combine(settings.RuncRoot, id);

    /// <summary>The pid of the container's init from runc's state.json; null when runc does not know the container.</summary>
    public int? InitPid(string id)
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(StateDir(id), "state.json")));
            return state.RootElement.TryGetProperty("init_process_pid", out var pid) ? pid.GetInt32() : null;
        }
        catch (Exception error) when (error is IOException or JsonException)
        {
            return null;
        }
    }

    public Task KillAsync(string id, int signal, CancellationToken ct) => _builtin
        ? InProcess(() => OciContainers.Kill(settings.RuncRoot, id, signal))
        : RunAsync(ct, "kill", id, signal.ToString());

    public Task PauseAsync(string id, CancellationToken ct) => _builtin
        ? InProcess(() => OciContainers.Freeze(settings.RuncRoot, id, frozen: true))
        : RunAsync(ct, "pause", id);

    public Task ResumeAsync(string id, CancellationToken ct) => _builtin
        ? InProcess(() => OciContainers.Freeze(settings.RuncRoot, id, frozen: false))
        : RunAsync(ct, "resume", id);

    /// <summary>Removes the container from the OCI runtime (killing what still runs); a container it does not know is fine.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        if (_builtin)
        {
            try { await InProcess(() => OciContainers.Delete(settings.RuncRoot, id, force: true)); }
            catch (EngineException e) when (e.StatusCode == 404) { }
            return;
        }
        var (code, _, error) = await ExecuteAsync(ct, "delete", "--force", id);
        if (code != 0 && !IsUnknown(error)) throw Failure(error);
    }

    /// <summary>A built-in runtime operation on a pool thread (a delete may wait for processes to die), failing as runc's would.</summary>
    static Task InProcess(Action operation) => Task.Factory.StartNew(() =>
    {
        try { operation(); }
        catch (OciException e) { throw Failure(e.Message, IsUnknown(e.Message) ? 404 : e.Message.Contains("not running") ? 409 : 500); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new EngineException(e.Message); }
    }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    public ContainerProcessState? State(string id)
    {
        string status;
        int pid;
        if (_builtin)
        {
            if (OciState.Load(settings.RuncRoot, id) is not { } known) return null;
            (status, pid) = (known.Status(settings.RuncRoot), known.InitProcessPid);
        }
        else
        {
            var (code, output, error) = ExecuteAsync(CancellationToken.None, "state", id).GetAwaiter().GetResult();
            if (code != 0) return IsUnknown(error) ? null : throw Failure(error);
            var state = JsonSerializer.Deserialize(output, OciJson.Default.RuncState)!;
            (status, pid) = (state.Status, state.Pid);
        }
        var run = status switch
        {
            "created" => ContainerRunState.Created,
            "running" => ContainerRunState.Running,
            "paused" => ContainerRunState.Paused,
            _ => ContainerRunState.Stopped,
        };
        return new ContainerProcessState(run, run == ContainerRunState.Stopped ? 0 : pid);
    }

    async Task RunAsync(CancellationToken ct, params string[] args)
    {
        var (code, _, error) = await ExecuteAsync(ct, args);
        if (code != 0) throw Failure(error, IsUnknown(error) ? 404 : error.Contains("not running") ? 409 : 500);
    }

    Task<(int ExitCode, string Stdout, string Stderr)> ExecuteAsync(CancellationToken ct, params string[] args) =>
        ChildProcess.RunAsync(settings.Runc, ["--root", settings.RuncRoot, .. args], ct);

    static bool IsUnknown(string error) => error.Contains("does not exist") || error.Contains("container not found");

    /// <summary>runc prints logrus lines (time="…" level=error msg="…"); the message is what a user should read.</summary>
    static EngineException Failure(string error, int status = 500)
    {
        var text = error.Trim();
        var msg = text.LastIndexOf("msg=\"", StringComparison.Ordinal);
        if (msg >= 0) text = text[(msg + 5)..].TrimEnd('"').Replace("\\\"", "\"");
        return new EngineException(text.Length > 0 ? text : "runc failed", status);
    }
}

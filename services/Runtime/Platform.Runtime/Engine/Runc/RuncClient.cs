using System.Text.Json;
using Platform.Runtime.Engine.Native;
using Platform.Runtime.Engine.Spec;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Runc;

/// <summary>runc's command line for an existing container (create goes through conmon, start is <see cref="ExecFifo"/>).</summary>
sealed class RuncClient(EngineSettings settings)
{
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

    public Task KillAsync(string id, int signal, CancellationToken ct) => RunAsync(ct, "kill", id, signal.ToString());

    public Task PauseAsync(string id, CancellationToken ct) => RunAsync(ct, "pause", id);

    public Task ResumeAsync(string id, CancellationToken ct) => RunAsync(ct, "resume", id);

    /// <summary>Removes the container from runc (killing what still runs); a container runc does not know is fine.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var (code, _, error) = await ExecuteAsync(ct, "delete", "--force", id);
        if (code != 0 && !IsUnknown(error)) throw Failure(error);
    }

    public ContainerProcessState? State(string id)
    {
        var (code, output, error) = ExecuteAsync(CancellationToken.None, "state", id).GetAwaiter().GetResult();
        if (code != 0) return IsUnknown(error) ? null : throw Failure(error);
        var state = JsonSerializer.Deserialize(output, OciJson.Default.RuncState)!;
        var status = state.Status switch
        {
            "created" => ContainerRunState.Created,
            "running" => ContainerRunState.Running,
            "paused" => ContainerRunState.Paused,
            _ => ContainerRunState.Stopped,
        };
        return new ContainerProcessState(status, status == ContainerRunState.Stopped ? 0 : state.Pid);
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

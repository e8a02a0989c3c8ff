using System.Text.Json;
using Platform.Runtime.Engine.Attaching;
using Platform.Runtime.Engine.Conmon;
using Platform.Runtime.Engine.Spec;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Exec;

/// <summary>
/// Runs `runc exec` under a conmon of its own in {container}/exec/&lt;execId&gt;/: conmon holds the process's stdio
/// (a pty with a TTY), we connect to its attach socket before the process starts, so no output is lost.
/// </summary>
sealed class ExecStarter(EngineSettings settings)
{
    public async Task<ExecSession> StartAsync(string containerId, ExecLaunch exec, CancellationToken ct)
    {
        if (exec.Args.Count == 0) throw new EngineException("No exec command specified", 400);
        var execId = Guid.NewGuid().ToString("N");
        var dir = Directory.CreateDirectory(Path.Combine(settings.ContainerDir(containerId), "exec", execId)).FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "process.json"),
            JsonSerializer.SerializeToUtf8Bytes(ExecProcess(containerId, exec), OciJson.Default.OciProcess), ct);

        var conmon = ConmonProcess.Spawn(settings.Conmon, ConmonArguments.ForExec(settings, containerId, execId, dir, exec), attachPipe: true, dir);
        try
        {
            await conmon.SignalStartAsync(last: false);
            await conmon.WaitAttachReadyAsync(ct);
            var io = new AttachSession(await AttachSocket.ConnectAsync(dir, ct));
            await conmon.SignalStartAsync(last: true);
            var started = await conmon.ReadSyncAsync(ct);
            if (started is not { Data: > 0 })
            {
                await io.DisposeAsync();
                throw new EngineException(await conmon.Failure(started, "exec"), 500);
            }
            return new ExecSession(execId, started.Value.Data, io, dir, WaitExitAsync(conmon, dir));
        }
        catch
        {
            conmon.Dispose();
            throw;
        }
    }

    static async Task<int> WaitExitAsync(ConmonProcess conmon, string dir)
    {
        using (conmon)
        {
            var exit = await conmon.ReadSyncAsync(CancellationToken.None);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            return exit?.Data ?? -1;
        }
    }

    /// <summary>The container's process (env, caps, rlimits, user), with the exec's args, env, cwd and user on top.</summary>
    OciProcess ExecProcess(string containerId, ExecLaunch exec)
    {
        var config = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(settings.BundleDir(containerId), "config.json")), OciJson.Default.OciSpec)
            ?? throw new EngineException($"container {containerId} has no bundle", 404);
        var process = config.Process;
        var user = string.IsNullOrEmpty(exec.User)
            ? process.User
            : UserResolver.Resolve(config.Root.Path, exec.User) is var u ? new OciUser(u.Uid, u.Gid, u.AdditionalGids.Count > 0 ? u.AdditionalGids : null) : null!;
        var env = process.Env.ToList();
        if (exec.Tty) ProcessEnvironment.Set(env, "TERM=xterm");
        foreach (var variable in exec.Env) ProcessEnvironment.Set(env, variable);
        var caps = exec.Privileged ? Spec.Capabilities.All.ToList() : null;
        return process with
        {
            Terminal = exec.Tty,
            ConsoleSize = OciSpecBuilder.ConsoleSize(exec.Tty, exec.ConsoleHeight, exec.ConsoleWidth),
            User = user,
            Args = exec.Args.ToList(),
            Env = env,
            Cwd = string.IsNullOrEmpty(exec.WorkingDir) ? process.Cwd : exec.WorkingDir,
            Capabilities = caps is null ? process.Capabilities : new OciCapabilities(caps, caps, caps),
        };
    }
}

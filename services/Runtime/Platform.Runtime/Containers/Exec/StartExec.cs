using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Platform.Runtime.Containers.Attaching;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.Containers.Exec;

/// <summary>
/// POST /exec/{id}/start over the raw connection (docker-api.md §4.6, §6.1): detached → a plain 200 once started;
/// otherwise the hijack head, the process's output framed by the start body's Tty, stdin from the client, and the
/// exit code recorded before the stream closes (clients inspect the exec right after EOF). A start that reaches the HTTP
/// pipeline instead, sent on a connection that already carried requests (the docker CLI sends `exec -d`'s on its pooled
/// connection), is served there when detached (<see cref="StartExecEndpoint"/>).
/// </summary>
public sealed class StartExec(ExecStore execs, ContainerStore store, ContainerEngine engine, ExecJournal journal, ILogger<StartExec> logger)
{
    public async Task HandleAsync(RawRequestHead head, PipeReader input, PipeWriter output)
    {
        var exec = execs.Get(HijackQuery.IdOf(head));
        await RawRequestReader.SkipHeadAsync(input, head);
        var start = Parse(await RawRequestReader.ReadBodyAsync(input, head));
        var launch = await BeginAsync(exec, start);
        if (start.Detach)
        {
            await RunDetachedAsync(exec, launch);
            RawHttpResponse.WriteHead(output, 200, "OK", [new("Content-Length", "0"), .. RawHttpResponse.DockerHeaders]);
            await output.FlushAsync();
            return;
        }
        var multiplexed = !launch.Tty;
        await RawHttpResponse.WriteHijackHeadAsync(output, head,
            multiplexed ? RawHttpResponse.MultiplexedStream : RawHttpResponse.RawStream, RawHttpResponse.DockerHeaders);
        ExecSession session;
        try
        {
            session = await engine.ExecAsync(exec.ContainerId, launch, CancellationToken.None);
        }
        catch (EngineException error)
        {
            exec.ExitCode = error.Message.Contains("not found", StringComparison.Ordinal) || error.Message.Contains("no such file", StringComparison.Ordinal) ? 127 : 126;
            StdioFrames.Write(output, multiplexed, AttachStream.Stderr, Encoding.UTF8.GetBytes(error.Message + "\r\n"));
            await output.FlushAsync();
            return;
        }
        await using (session)
        {
            (exec.Session, exec.Pid, exec.Running) = (session, session.Pid, true);
            var feeding = exec.Config.AttachStdin ? FeedAsync(input, session) : Task.CompletedTask;
            var buffer = new byte[32 * 1024];
            var clientGone = false;
            while (true)
            {
                var (kind, count) = await session.ReadAsync(buffer, CancellationToken.None);
                if (count == 0) break;
                if (clientGone || (kind == AttachStream.Stdout ? !exec.Config.AttachStdout : !exec.Config.AttachStderr)) continue;
                StdioFrames.Write(output, multiplexed, kind, buffer.AsSpan(0, count));
                clientGone = (await output.FlushAsync()).IsCompleted;
            }
            exec.ExitCode = await session.ExitCode;
            exec.Running = false;
            await journal.DiedAsync(exec, exec.ExitCode.Value);
            logger.LogDebug("Exec {Exec} in {Container} exited with {Code}", exec.Id, exec.ContainerId, exec.ExitCode);
            _ = feeding;
        }
    }

    /// <summary>A start served by the HTTP pipeline: detached only, as an attached one must take over its connection.</summary>
    public async Task StartDetachedAsync(string id, byte[] body)
    {
        var exec = execs.Get(id);
        var start = Parse(body);
        if (!start.Detach)
            throw DockerApiException.BadRequest("an attached exec start takes over its connection: send it on a connection of its own");
        await RunDetachedAsync(exec, await BeginAsync(exec, start));
    }

    /// <summary>Marks the exec started (once), checks that its container runs and records the start: what to launch.</summary>
    async Task<ExecLaunch> BeginAsync(ExecInstance exec, ExecStartConfig start)
    {
        lock (exec)
        {
            if (exec.Started) throw DockerApiException.Conflict($"Exec {exec.Id} has already been started");
            exec.Started = true;
        }
        if (store.Current(exec.ContainerId) is not { IsRunning: true } c)
            throw DockerApiException.Conflict($"container {exec.ContainerId} is not running");
        var size = start.ConsoleSize ?? exec.Config.ConsoleSize;
        var launch = new ExecLaunch(exec.Config.Cmd!, [.. c.Config.Env ?? [], .. exec.Config.Env ?? []],
            exec.Config.WorkingDir.Length > 0 ? exec.Config.WorkingDir : (c.Config.WorkingDir.Length > 0 ? c.Config.WorkingDir : "/"),
            exec.Config.User.Length > 0 ? exec.Config.User : c.Config.User, start.Tty || exec.Config.Tty,
            exec.Config.AttachStdin && !start.Detach, exec.Config.Privileged, size is [var h, _] ? h : 0, size is [_, var w] ? w : 0);
        await journal.StartedAsync(exec);
        return launch;
    }

    async Task RunDetachedAsync(ExecInstance exec, ExecLaunch launch)
    {
        var session = await engine.ExecAsync(exec.ContainerId, launch with { Stdin = false }, CancellationToken.None);
        (exec.Session, exec.Pid, exec.Running) = (session, session.Pid, true);
        _ = Task.Run(async () =>
        {
            await using (session)
            {
                var buffer = new byte[16 * 1024];
                while ((await session.ReadAsync(buffer, CancellationToken.None)).Count > 0) { }
                exec.ExitCode = await session.ExitCode;
                exec.Running = false;
                await journal.DiedAsync(exec, exec.ExitCode.Value);
            }
        });
    }

    static async Task FeedAsync(PipeReader input, ExecSession session)
    {
        try
        {
            while (true)
            {
                var read = await input.ReadAsync();
                foreach (var segment in read.Buffer) await session.WriteStdinAsync(segment, CancellationToken.None);
                input.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted || read.IsCanceled) break;
            }
            await session.CloseStdinAsync();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    static ExecStartConfig Parse(byte[] body)
    {
        if (body.Length == 0) return new ExecStartConfig();
        try
        {
            return JsonSerializer.Deserialize(body, ContainersJson.Default.ExecStartConfig) ?? new ExecStartConfig();
        }
        catch (JsonException error)
        {
            throw DockerApiException.BadRequest($"invalid JSON: {error.Message}");
        }
    }
}

/// <summary>POST /exec/{id}/start when it is not a connection's first request (see <see cref="StartExec"/>).</summary>
public static class StartExecEndpoint
{
    public static void MapStartExec(this IEndpointRouteBuilder app) =>
        app.MapPost("/exec/{id}/start", async (string id, HttpRequest request, StartExec start, CancellationToken ct) =>
        {
            // The same cap as the hijacked start's body.
            await start.StartDetachedAsync(id, await ContainerBodies.ReadAsync(request, RawRequestReader.DefaultMaxBodySize, ct));
            return Results.Ok();
        });
}

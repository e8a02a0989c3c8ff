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
/// exit code recorded before the stream closes (clients inspect the exec right after EOF).
/// </summary>
public sealed class StartExec(ExecStore execs, ContainerStore store, ContainerEngine engine, ExecJournal journal, ILogger<StartExec> logger)
{
    public async Task HandleAsync(RawRequestHead head, PipeReader input, PipeWriter output)
    {
        var exec = execs.Get(HijackQuery.IdOf(head));
        await RawRequestReader.SkipHeadAsync(input, head);
        var body = await RawRequestReader.ReadBodyAsync(input, head);
        var start = Parse(body);
        lock (exec)
        {
            if (exec.Started) throw DockerApiException.Conflict($"Exec {exec.Id} has already been started");
            exec.Started = true;
        }
        if (store.Current(exec.ContainerId) is not { IsRunning: true })
            throw DockerApiException.Conflict($"container {exec.ContainerId} is not running");
        var tty = start.Tty || exec.Config.Tty;
        var size = start.ConsoleSize ?? exec.Config.ConsoleSize;
        var c = store.Current(exec.ContainerId)!;
        var launch = new ExecLaunch(exec.Config.Cmd!, [.. c.Config.Env ?? [], .. exec.Config.Env ?? []],
            exec.Config.WorkingDir.Length > 0 ? exec.Config.WorkingDir : (c.Config.WorkingDir.Length > 0 ? c.Config.WorkingDir : "/"),
            exec.Config.User.Length > 0 ? exec.Config.User : c.Config.User, tty, exec.Config.AttachStdin && !start.Detach,
            exec.Config.Privileged, size is [var h, _] ? h : 0, size is [_, var w] ? w : 0);

        await journal.StartedAsync(exec);
        if (start.Detach)
        {
            await RunDetachedAsync(exec, launch);
            RawHttpResponse.WriteHead(output, 200, "OK", [new("Content-Length", "0"), .. RawHttpResponse.DockerHeaders]);
            await output.FlushAsync();
            return;
        }
        var multiplexed = !tty;
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

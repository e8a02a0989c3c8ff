using System.IO.Pipelines;
using Platform.Runtime.Containers.Logs;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.Containers.Attaching;

/// <summary>
/// POST /containers/{id}/attach over the raw connection (docker-api.md §6.1, §6.4): the head at once, stored output
/// first with logs=1, then live output until the container's stdio ends. A client half-close is stdin EOF only.
/// An attach to a container that is not running waits for its next start (docker run and start -a attach first).
/// </summary>
public sealed class AttachContainer(ContainerStore store, ContainerEngine engine, AttachHub hub, ContainerLogs logs)
{
    public async Task HandleAsync(RawRequestHead head, PipeReader input, PipeWriter output)
    {
        var query = new HijackQuery(head);
        var c = store.Get(HijackQuery.IdOf(head));
        await RawRequestReader.SkipHeadAsync(input, head);
        var multiplexed = !c.Config.Tty;
        var (stdin, stdout, stderr, stream) = (query.Flag("stdin"), query.Flag("stdout"), query.Flag("stderr"), query.Flag("stream"));
        var withStdin = stdin && c.Config.OpenStdin;
        // Decided before the head goes out: docker run sends its start as soon as it has read it.
        var waiting = stream ? hub.WaitUnlessRunning(c.Id, withStdin) : null;
        try
        {
            await RawHttpResponse.WriteHijackHeadAsync(output, head,
                multiplexed ? RawHttpResponse.MultiplexedStream : RawHttpResponse.RawStream, RawHttpResponse.DockerHeaders);
            if (query.Flag("logs"))
                await logs.WriteAsync(c, new LogQuery(stdout, stderr, null, null, null, false), output, multiplexed, timestamps: false, CancellationToken.None);
        }
        catch when (waiting is not null)
        {
            // the client went away before the start: the session it waited for is closed when it comes
            _ = waiting.ContinueWith(t => t.Result?.DisposeAsync(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw;
        }
        if (!stream) return;

        var session = waiting is null ? await engine.AttachAsync(c.Id, withStdin, CancellationToken.None) : await waiting;
        if (session is null) return;
        await using (session)
        {
            // Stdin is fed until the client half-closes; the stream ends when the container's output does.
            if (withStdin) _ = FeedStdinAsync(input, session, c.Config.StdinOnce);
            await CopyOutputAsync(session, output, multiplexed, stdout, stderr);
        }
    }

    static async Task CopyOutputAsync(AttachSession session, PipeWriter output, bool multiplexed, bool stdout, bool stderr)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var (kind, count) = await session.ReadAsync(buffer, CancellationToken.None);
            if (count == 0) return;
            if (kind == AttachStream.Stdout ? !stdout : !stderr) continue;
            StdioFrames.Write(output, multiplexed, kind, buffer.AsSpan(0, count));
            var flushed = await output.FlushAsync();
            if (flushed.IsCompleted) return; // the client went away: detach, the container keeps running
        }
    }

    static async Task FeedStdinAsync(PipeReader input, AttachSession session, bool stdinOnce)
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
            if (stdinOnce) await session.CloseStdinAsync();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the container's stdin or the session closed first
        }
    }
}

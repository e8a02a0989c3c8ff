using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>Decides from the first request head of a connection whether the connection is hijacked.</summary>
public delegate bool HijackPredicate(RawRequestHead head);

/// <summary>
/// Owns a hijacked connection until it returns. The head's bytes (<see cref="RawRequestHead.Length"/>) and
/// everything after them are still unread in <c>connection.Transport.Input</c>: skip them with
/// <see cref="RawRequestReader.SkipHeadAsync"/> or forward them as they are. Write the response raw to
/// <c>connection.Transport.Output</c> (<see cref="RawHttpResponse"/>); completing the output closes the
/// connection (Kestrel's transports have no half-close of their own write side).
/// Note: with Kestrel's socket transport <c>connection.ConnectionClosed</c> fires when the client half-closes
/// (FIN), although writing still works, so do not use it to stop writing output.
/// </summary>
public delegate Task HijackHandler(ConnectionContext connection, RawRequestHead head);

public sealed class HijackOptions
{
    /// <summary>A first head larger than this is left to Kestrel (which answers 431).</summary>
    public int MaxHeadSize { get; set; } = RawRequestHeadParser.DefaultMaxHeadSize;

    /// <summary>A connection that has not sent a whole first head by then is closed.</summary>
    public TimeSpan HeadTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Kestrel connection middleware that looks at the first HTTP/1.1 request head of every new connection
/// without consuming it. When the predicate says so, the connection is handed to the hijack handler and never
/// reaches Kestrel's HTTP pipeline; otherwise the bytes stay in the pipe exactly as they came and Kestrel
/// serves the connection as usual (keep-alive, chunked and large bodies unchanged).
/// <para>
/// Why the first request is the one to inspect: clients open a dedicated connection per hijack. The Go client
/// (docker CLI, Ryuk) dials a fresh connection for attach and exec start (client/hijack.go) and pools
/// connections only for ordinary requests; both Docker.DotNet ManagedHandlers open one connection per
/// request. A hijack request arriving later on a keep-alive connection is served by Kestrel like any other.
/// </para>
/// Kestrel cannot do this itself: it rejects or ignores <c>Upgrade</c> on requests with a body (exec start)
/// and cannot send an unframed 200 (Docker.DotNet 3.125's hijack shape); see docker-api.md §1.4.
/// </summary>
public sealed partial class HijackConnectionMiddleware(
    ConnectionDelegate next, HijackPredicate predicate, HijackHandler handler, HijackOptions options, ILogger logger)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var (decision, head) = await PeekFirstHeadAsync(connection);
        if (decision == Decision.Close) return;   // Kestrel disposes the connection: the socket closes
        if (decision == Decision.PassThrough)
        {
            await next(connection);
            return;
        }

        LogHijacked(logger, connection.ConnectionId, head!.Method, head.Path);
        try
        {
            await handler(connection, head);
        }
        catch (OperationCanceledException)
        {
            // the connection went away or the server is stopping: nothing to report
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, connection.ConnectionId, head.Method, head.Path);
        }
    }

    enum Decision { Hijack, PassThrough, Close }

    async Task<(Decision, RawRequestHead?)> PeekFirstHeadAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var timeout = new CancellationTokenSource(options.HeadTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return (Decision.Close, null);
            }

            var buffer = result.Buffer;
            var status = RawRequestHeadParser.TryParse(buffer, out var head, options.MaxHeadSize);
            if (status == RawRequestHeadStatus.Incomplete && !result.IsCompleted && !result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);   // nothing consumed; wait for more bytes
                continue;
            }

            input.AdvanceTo(buffer.Start);                   // nothing consumed or examined: the next reader sees it all
            return status == RawRequestHeadStatus.Complete && predicate(head!)
                ? (Decision.Hijack, head)
                : (Decision.PassThrough, null);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Connection {ConnectionId} hijacked by {Method} {Path}")]
    static partial void LogHijacked(ILogger logger, string connectionId, string method, string path);

    [LoggerMessage(2, LogLevel.Warning, "Hijack handler for {Method} {Path} on connection {ConnectionId} failed")]
    static partial void LogHandlerFailed(ILogger logger, Exception exception, string connectionId, string method, string path);
}

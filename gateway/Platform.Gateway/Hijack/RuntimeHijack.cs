using Microsoft.AspNetCore.Connections;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Gateway.Hijack;

/// <summary>
/// Attach, exec start and the diagnostics echo bypass YARP: the gateway connects to the runtime, forwards the
/// request bytes as they arrived (head and body) and splices both ways until both directions end. A client
/// half-close reaches the runtime as a half-close (stdin EOF); the runtime closing closes the client once
/// everything it sent has been written.
/// </summary>
public sealed partial class RuntimeHijack(HijackBackends backends, ILogger<RuntimeHijack> logger)
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async Task HandleAsync(ConnectionContext client, RawRequestHead head)
    {
        SocketPipe runtime;
        try
        {
            var endPoint = backends.Resolve(head) ?? throw new InvalidOperationException("no runtime destination configured");
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            runtime = await SocketPipe.ConnectAsync(endPoint, timeout.Token);
        }
        catch (Exception e)
        {
            LogUnavailable(logger, e, head.Method, head.Path);
            await RawHttpResponse.WriteJsonErrorAsync(client.Transport.Output, StatusCodes.Status502BadGateway,
                $"runtime is unavailable: {e.Message}", RawHttpResponse.DockerHeaders);
            return;
        }

        await using (runtime)
        {
            var result = await DuplexSplice.RunAsync(client.Transport, runtime);
            LogSpliced(logger, head.Method, head.Path, result.BytesAToB, result.BytesBToA, result.Error?.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Hijack {Method} {Path}: cannot reach the runtime")]
    static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(2, LogLevel.Debug, "Hijack {Method} {Path} ended: {ToRuntime} bytes to the runtime, {ToClient} to the client ({Error})")]
    static partial void LogSpliced(ILogger logger, string method, string path, long toRuntime, long toClient, string? error);
}

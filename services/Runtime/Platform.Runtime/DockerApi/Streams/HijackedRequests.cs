using Microsoft.AspNetCore.Connections;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.DockerApi.Streams;

/// <summary>
/// Requests that take over their connection: attach and exec start (docker-api.md §6.1), and the diagnostics
/// echo. Kestrel cannot answer these (an un-framed 200, or an upgrade with a body), so they are served from the
/// raw connection before Kestrel's HTTP parser sees them.
/// </summary>
public sealed class HijackedRequests(IConfiguration configuration, ILogger<HijackedRequests> logger)
{
    public bool EchoEnabled { get; } = configuration.GetValue("Platform:Diagnostics", false);

    public bool Matches(RawRequestHead head) => DockerHijackRoutes.IsHijack(head);

    public async Task HandleAsync(ConnectionContext connection, RawRequestHead head)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        try
        {
            if (DockerHijackRoutes.IsDiagnosticEcho(head) && EchoEnabled)
            {
                await RawRequestReader.SkipHeadAsync(input, head);
                // Not ConnectionClosed: Kestrel fires it on the client's half-close, which here only means "no more input".
                await RawStreamEcho.RunAsync(head, input, output, CancellationToken.None);
                return;
            }
            await RawRequestReader.ReadBodyAsync(input, head);
            var (status, message) = DockerHijackRoutes.IsDiagnosticEcho(head)
                ? (404, "page not found")
                : (404, NotFoundMessage(head));
            await RawHttpResponse.WriteJsonErrorAsync(output, status, message, RawHttpResponse.DockerHeaders);
        }
        catch (RawHttpException ex)
        {
            await RawHttpResponse.WriteJsonErrorAsync(output, ex.StatusCode, ex.Message, RawHttpResponse.DockerHeaders);
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or OperationCanceledException)
        {
            logger.LogDebug("Hijacked connection {Request} ended: {Error}", head, ex.Message);
        }
        finally
        {
            await output.CompleteAsync();
        }
    }

    /// <summary>No container or exec instance exists yet on this host: the lifecycle lands with the runtime issue.</summary>
    static string NotFoundMessage(RawRequestHead head)
    {
        var segments = head.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s is "containers" or "exec");
        var id = at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : "";
        return segments.ElementAtOrDefault(at) == "exec" ? $"No such exec instance: {id}" : $"No such container: {id}";
    }
}

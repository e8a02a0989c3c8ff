using Microsoft.AspNetCore.Connections;
using Platform.Runtime.Containers.Attaching;
using Platform.Runtime.Containers.Exec;
using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.DockerApi.Streams;

/// <summary>
/// Requests that take over their connection: attach and exec start (docker-api.md §6.1), and the diagnostics
/// echo. Kestrel cannot answer these (an un-framed 200, or an upgrade with a body), so they are served from the
/// raw connection before Kestrel's HTTP parser sees them.
/// </summary>
public sealed class HijackedRequests(
    IConfiguration configuration, AttachContainer attach, StartExec startExec, ILogger<HijackedRequests> logger)
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
            if (DockerHijackRoutes.IsDiagnosticEcho(head))
            {
                await RawRequestReader.ReadBodyAsync(input, head);
                await RawHttpResponse.WriteJsonErrorAsync(output, 404, "page not found", RawHttpResponse.DockerHeaders);
            }
            else if (head.Path.EndsWith("/attach", StringComparison.Ordinal)) await attach.HandleAsync(head, input, output);
            else await startExec.HandleAsync(head, input, output);
        }
        catch (RawHttpException ex)
        {
            await RawHttpResponse.WriteJsonErrorAsync(output, ex.StatusCode, ex.Message, RawHttpResponse.DockerHeaders);
        }
        catch (DockerApiException ex)
        {
            // Thrown only before a stream head was written: unknown container or exec, a conflict, bad input.
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
}

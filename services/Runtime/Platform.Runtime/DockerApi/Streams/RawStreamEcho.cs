using System.Buffers;
using System.IO.Pipelines;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Runtime.DockerApi.Streams;

/// <summary>
/// POST /_platform/echo (diagnostics only): answers like attach does — 101 with Upgrade: tcp, or a raw 200 for
/// clients that did not ask to upgrade — then echoes every byte until the client half-closes, then closes.
/// It proves the hijack path end to end (client → gateway → runtime) before containers exist.
/// </summary>
public static class RawStreamEcho
{
    public static async Task RunAsync(RawRequestHead head, PipeReader input, PipeWriter output, CancellationToken ct)
    {
        await RawHttpResponse.WriteHijackHeadAsync(output, head, RawHttpResponse.RawStream, RawHttpResponse.DockerHeaders, ct);
        while (true)
        {
            var read = await input.ReadAsync(ct);
            foreach (var segment in read.Buffer) output.Write(segment.Span);
            input.AdvanceTo(read.Buffer.End);
            await output.FlushAsync(ct);
            if (read.IsCompleted || read.IsCanceled) break;
        }
    }
}

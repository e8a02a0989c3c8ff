using System.Buffers;
using System.IO.Pipelines;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>Bytes copied each way, and the first failure (null when both directions ended at EOF).</summary>
public readonly record struct SpliceResult(long BytesAToB, long BytesBToA, Exception? Error);

/// <summary>
/// Joins two duplex pipes: copies A→B and B→A at the same time, with no idle timeout.
/// When one side's input ends (EOF), the other side's output is completed, which half-closes it when that
/// side supports it (<see cref="SocketPipe"/>: shutdown write); with a Kestrel connection's transport it
/// closes the connection after what was written has been sent. Finishes when both directions have ended,
/// or as soon as either fails: then both directions are cancelled and both outputs aborted.
/// The caller disposes the pipes' owners afterwards.
/// </summary>
public static class DuplexSplice
{
    public static async Task<SpliceResult> RunAsync(IDuplexPipe a, IDuplexPipe b, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var aToB = CopyAsync(a.Input, b.Output, stop);
        var bToA = CopyAsync(b.Input, a.Output, stop);
        var (sentAToB, errorAToB) = await aToB;
        var (sentBToA, errorBToA) = await bToA;
        var cancelled = cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : null;
        return new SpliceResult(sentAToB, sentBToA, errorAToB ?? errorBToA ?? cancelled);
    }

    static async Task<(long Bytes, Exception? Error)> CopyAsync(PipeReader from, PipeWriter to, CancellationTokenSource stop)
    {
        long bytes = 0;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await from.ReadAsync(stop.Token);
                var buffer = result.Buffer;
                foreach (var segment in buffer) to.Write(segment.Span);
                bytes += buffer.Length;
                from.AdvanceTo(buffer.End);
                if (result.IsCompleted || result.IsCanceled) break;
                var flush = await to.FlushAsync(stop.Token);
                if (flush.IsCompleted || flush.IsCanceled) break;   // the far side stopped reading
            }
            await to.FlushAsync(stop.Token);
        }
        catch (Exception e)
        {
            error = e;
            stop.Cancel();
        }
        await from.CompleteAsync();
        await to.CompleteAsync(error);
        // a direction cancelled because the other one failed reports nothing of its own
        return (bytes, error is OperationCanceledException ? null : error);
    }
}

namespace Platform.Images.Distribution.Progress;

/// <summary>
/// Writes progress to a response body as Docker does: one JSON object per message, <c>\r\n</c>-separated, flushed per
/// message, serialised across concurrent writers. <paramref name="beforeFirstWrite"/> runs once before the first byte
/// (set status 200 and <c>Content-Type: application/json</c> there): until then <see cref="Started"/> is false and a
/// failure can still be answered with a plain HTTP status.
/// </summary>
public sealed class StreamProgressWriter(Stream stream, Func<ValueTask>? beforeFirstWrite = null) : IProgressWriter
{
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>True once anything was written: later errors must go in-stream (<see cref="WriteErrorAsync"/>).</summary>
    public bool Started { get; private set; }

    public async ValueTask WriteAsync(JsonMessage message, CancellationToken ct = default)
    {
        var bytes = JsonMessageFormat.Serialize(message);
        await _gate.WaitAsync(ct);
        try
        {
            if (!Started)
            {
                if (beforeFirstWrite is not null) await beforeFirstWrite();
                Started = true;
            }
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The in-stream error form; moby writes it with HTTP 200 once the stream has started.</summary>
    public ValueTask WriteErrorAsync(string message, CancellationToken ct = default) => WriteAsync(JsonMessage.Failure(message), ct);
}

namespace Platform.Images.Distribution.Progress;

/// <summary>
/// A throttled progress bar for one id ("Downloading", "Pushing", "Extracting"), as moby's progress reader does it:
/// an update only after min(512 KiB, 1 % of the total) more bytes and at most one per 100 ms, except the final one
/// (current = total), which always goes out. Huge layers therefore cost a few hundred messages, not millions.
/// </summary>
public sealed class TransferProgress(IProgressWriter writer, string id, string action, long total, TimeProvider? time = null)
{
    const long MaxStep = 512 * 1024;
    static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    readonly TimeProvider _time = time ?? TimeProvider.System;
    readonly long _step = total > 0 ? Math.Clamp(total / 100, 1, MaxStep) : MaxStep;
    long _lastBytes;
    long _lastTicks = long.MinValue;

    public string Id => id;
    public long Total => total;

    /// <summary>Reports <paramref name="current"/> bytes done; writes only when the throttle allows.</summary>
    public ValueTask ReportAsync(long current, CancellationToken ct = default)
    {
        var final = total > 0 && current >= total;
        if (!final && current - _lastBytes < _step) return ValueTask.CompletedTask;
        var now = _time.GetTimestamp();
        if (!final && _lastTicks != long.MinValue && _time.GetElapsedTime(_lastTicks, now) < MinInterval)
            return ValueTask.CompletedTask;
        _lastBytes = current;
        _lastTicks = now;
        return writer.WriteAsync(JsonMessage.Bar(id, action, current, total), ct);
    }

    /// <summary>Starts counting again from <paramref name="current"/> (a retried or resumed transfer).</summary>
    public void Restart(long current)
    {
        _lastBytes = current;
        _lastTicks = long.MinValue;
    }
}

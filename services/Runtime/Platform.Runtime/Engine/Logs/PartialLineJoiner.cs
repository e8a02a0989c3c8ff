namespace Platform.Runtime.Engine.Logs;

/// <summary>Joins conmon's P (partial) records with the F record that completes them; per stream, as conmon writes them.</summary>
sealed class PartialLineJoiner
{
    readonly Dictionary<AttachStream, (DateTimeOffset Time, MemoryStream Bytes)> _pending = [];

    public LogEntry? Add(K8sLogLine line)
    {
        if (!_pending.TryGetValue(line.Stream, out var pending))
            pending = (line.Time, new MemoryStream());
        pending.Bytes.Write(line.Text.Span);
        if (line.Partial)
        {
            _pending[line.Stream] = pending;
            return null;
        }
        _pending.Remove(line.Stream);
        pending.Bytes.WriteByte((byte)'\n');
        return new LogEntry(line.Stream, pending.Time, pending.Bytes.ToArray());
    }

    /// <summary>A partial line still open when the log ended (the process exited mid-line).</summary>
    public LogEntry? Flush()
    {
        if (_pending.Count == 0) return null;
        var (stream, (time, bytes)) = _pending.First();
        _pending.Remove(stream);
        return new LogEntry(stream, time, bytes.ToArray());
    }
}

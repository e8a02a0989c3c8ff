using System.Runtime.CompilerServices;
using Platform.Runtime.Engine.Logs;

namespace Platform.Runtime.Engine;

/// <summary>Reads a container's conmon log (k8s-file), joining partial lines, filtered by stream, time and tail; optionally follows.</summary>
public sealed class ContainerLogReader
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async IAsyncEnumerable<LogEntry> ReadAsync(string path, LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var stream = await OpenAsync(path, query.Follow, ct);
        if (stream is null) yield break;
        await using var _ = stream;
        var lines = new LogLineSplitter(stream);
        var joiner = new PartialLineJoiner();

        if (query.Tail is { } tail)
        {
            var last = new Queue<LogEntry>();
            while (await lines.NextAsync(ct) is { } line)
                if (joiner.Add(line) is { } entry && Matches(entry, query))
                {
                    last.Enqueue(entry);
                    if (last.Count > tail) last.Dequeue();
                }
            if (!query.Follow && joiner.Flush() is { } unfinished && Matches(unfinished, query)) last.Enqueue(unfinished);
            while (last.Count > tail) last.Dequeue();
            foreach (var entry in last) yield return entry;
            if (!query.Follow) yield break;
        }
        while (true)
        {
            K8sLogLine? line;
            try { line = await lines.NextAsync(ct); }
            catch (OperationCanceledException) when (query.Follow) { yield break; } // following ends when the caller stops it
            if (line is null)
            {
                if (!query.Follow) break;
                try { await Task.Delay(PollInterval, ct); }
                catch (OperationCanceledException) { yield break; }
                continue;
            }
            if (joiner.Add(line.Value) is not { } entry || !Matches(entry, query)) continue;
            if (query.Until is { } until && entry.Time > until) yield break;
            yield return entry;
        }
        if (joiner.Flush() is { } rest && Matches(rest, query)) yield return rest; // output that ended without a newline
    }

    static bool Matches(LogEntry entry, LogQuery query) =>
        (entry.Stream == AttachStream.Stdout ? query.Stdout : query.Stderr)
        && (query.Since is not { } since || entry.Time >= since)
        && (query.Until is not { } until || entry.Time <= until);

    static async Task<FileStream?> OpenAsync(string path, bool follow, CancellationToken ct)
    {
        while (!File.Exists(path))
        {
            if (!follow) return null;
            try { await Task.Delay(PollInterval, ct); } catch (OperationCanceledException) { return null; }
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: false);
    }
}

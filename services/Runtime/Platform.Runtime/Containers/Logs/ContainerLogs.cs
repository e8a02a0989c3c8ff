using System.IO.Pipelines;
using System.Text;
using Platform.Runtime.Containers.Attaching;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Logs;

/// <summary>
/// A container's stored output as Docker frames (one per line, docker-api.md §6.3). Follow streams until the
/// container stops, then drains what was written up to its exit, so the last lines are never cut off.
/// </summary>
public sealed class ContainerLogs(ContainerStore store, ContainerEngine engine, ContainerLogReader reader)
{
    public async Task WriteAsync(Container c, LogQuery query, PipeWriter output, bool multiplexed, bool timestamps, CancellationToken ct)
    {
        var path = engine.LogPath(c.Id);
        if (!File.Exists(path)) return;
        var follow = query.Follow && store.Current(c.Id) is { IsRunning: true };
        var last = default(DateTimeOffset?);
        var sentAtLast = 0;
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = follow ? CancelWhenStoppedAsync(c.Id, stopped) : Task.CompletedTask;
        try
        {
            await foreach (var entry in reader.ReadAsync(path, query with { Follow = follow }, stopped.Token))
            {
                await WriteEntryAsync(entry, output, multiplexed, timestamps, ct);
                if (entry.Time == last) sentAtLast++;
                else (last, sentAtLast) = (entry.Time, 1);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        if (!follow) return;
        await watch;
        // The container stopped: everything it wrote is in the file now; send what the follow did not see yet.
        var rest = query with { Follow = false, Tail = null, Since = last ?? query.Since };
        await foreach (var entry in reader.ReadAsync(path, rest, ct))
        {
            if (entry.Time == last && sentAtLast-- > 0) continue;
            await WriteEntryAsync(entry, output, multiplexed, timestamps, ct);
        }
    }

    static async Task WriteEntryAsync(LogEntry entry, PipeWriter output, bool multiplexed, bool timestamps, CancellationToken ct)
    {
        var prefix = timestamps ? Encoding.ASCII.GetBytes(DockerTimestamps.Nano(entry.Time) + " ") : [];
        StdioFrames.Write(output, multiplexed, entry.Stream, prefix, entry.Line.Span);
        await output.FlushAsync(ct);
    }

    async Task CancelWhenStoppedAsync(string id, CancellationTokenSource stopped)
    {
        while (!stopped.IsCancellationRequested)
        {
            var changed = store.Changed;
            if (store.Current(id) is not { IsRunning: true }) break;
            try { await changed.WaitAsync(stopped.Token); }
            catch (OperationCanceledException) { return; }
        }
        await stopped.CancelAsync();
    }
}

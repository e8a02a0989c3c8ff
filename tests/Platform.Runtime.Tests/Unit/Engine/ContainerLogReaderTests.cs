using System.Text;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Unit.Engine;

/// <summary>Reading conmon's k8s-file log: streams, partial lines, since/until/tail, follow.</summary>
public sealed class ContainerLogReaderTests : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "ctr-log-" + Guid.NewGuid().ToString("N"));
    readonly ContainerLogReader _reader = new();

    static readonly string Log = string.Join("", [
        "2025-01-02T03:04:05.100000000+00:00 stdout F one\n",
        "2025-01-02T03:04:06.200000000+00:00 stderr F two\n",
        "2025-01-02T03:04:07.300000000+00:00 stdout P thr\n",
        "2025-01-02T03:04:07.300000001+00:00 stdout F ee\n",
        "2025-01-02T04:04:08.123456789+01:00 stdout F four\n",
        "2025-01-02T03:04:09.000000000+00:00 stdout P no newline\n",
    ]);

    static LogQuery All => new(true, true, null, null, null, false);

    static DateTimeOffset At(int second) => new(2025, 1, 2, 3, 4, second, TimeSpan.Zero);

    async Task<List<string>> ReadAsync(LogQuery query, CancellationToken ct = default)
    {
        var lines = new List<string>();
        await foreach (var e in _reader.ReadAsync(_path, query, ct))
            lines.Add($"{(e.Stream == AttachStream.Stdout ? "out" : "err")}:{Encoding.UTF8.GetString(e.Line.Span)}");
        return lines;
    }

    [Fact]
    public async Task Every_line_keeps_its_stream_partials_are_joined_and_a_last_partial_has_no_newline()
    {
        await File.WriteAllTextAsync(_path, Log);
        Assert.Equal(["out:one\n", "err:two\n", "out:three\n", "out:four\n", "out:no newline"], await ReadAsync(All));
    }

    [Fact]
    public async Task Times_with_nine_fraction_digits_and_offsets_are_parsed()
    {
        await File.WriteAllTextAsync(_path, Log);
        var times = new List<DateTimeOffset>();
        await foreach (var e in _reader.ReadAsync(_path, All)) times.Add(e.Time);
        Assert.Equal(At(5).AddTicks(1_000_000), times[0]);
        Assert.Equal(At(8).AddTicks(1_234_567), times[3]);
    }

    [Fact]
    public async Task Stream_filters_since_and_until_are_inclusive_and_tail_keeps_the_last_lines()
    {
        await File.WriteAllTextAsync(_path, Log);
        Assert.Equal(["err:two\n"], await ReadAsync(All with { Stdout = false }));
        Assert.Equal(["err:two\n", "out:three\n"], await ReadAsync(All with { Since = At(6).AddTicks(2_000_000), Until = At(7).AddTicks(3_000_000) }));
        Assert.Equal(["out:four\n", "out:no newline"], await ReadAsync(All with { Tail = 2 }));
        Assert.Empty(await ReadAsync(All with { Tail = 0 }));
    }

    [Fact]
    public async Task Follow_returns_lines_appended_later_until_cancelled()
    {
        await File.WriteAllTextAsync(_path, "2025-01-02T03:04:05.000000000Z stdout F first\n");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in _reader.ReadAsync(_path, All with { Follow = true }, stop.Token))
            {
                seen.Add(Encoding.UTF8.GetString(e.Line.Span));
                if (seen.Count == 2) stop.Cancel();
            }
        });
        await Task.Delay(300);
        await File.AppendAllTextAsync(_path, "2025-01-02T03:04:06.000000000Z stdout P sec");
        await Task.Delay(200);
        await File.AppendAllTextAsync(_path, "\n2025-01-02T03:04:06.000000000Z stdout F ond\n");
        await reading;
        Assert.Equal(["first\n", "second\n"], seen);
    }

    [Fact]
    public async Task A_missing_log_reads_as_empty()
    {
        Assert.Empty(await ReadAsync(All));
    }

    public void Dispose() => File.Delete(_path);
}

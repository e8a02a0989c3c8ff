using System.Text;
using Platform.Images.Content;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Distribution.Pushing;

namespace Platform.Images.Distribution.Tests.Unit;

public sealed class ProgressFormatTests
{
    static string Text(JsonMessage message) => Encoding.UTF8.GetString(JsonMessageFormat.Serialize(message));

    [Fact]
    public void Messages_serialise_like_moby_with_crlf()
    {
        var digest = Digest.Of("x"u8);

        Assert.Equal("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\r\n",
            Text(PullMessages.PullingFrom(new RemoteReference("docker.io", "library/busybox", "latest"))));
        Assert.Equal("{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"abc\"}\r\n", Text(JsonMessage.Update("abc", "Pull complete")));
        // '>' is escaped, as Go's encoding/json does too (\u003e); clients decode both the same
        Assert.Equal("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1048576,\"total\":2097152},"
            + "\"progress\":\"[=========================\\u003E                         ]  1.049MB/2.097MB\",\"id\":\"abc\"}\r\n",
            Text(JsonMessage.Bar("abc", "Downloading", 1048576, 2097152)));
        Assert.Equal("{\"status\":\"Downloading\",\"progressDetail\":{\"total\":10},\"progress\":\"[\\u003E                                                  ]       0B/10B\",\"id\":\"abc\"}\r\n",
            Text(JsonMessage.Bar("abc", "Downloading", 0, 10)));
        Assert.Equal($"{{\"status\":\"latest: digest: {digest} size: 528\"}}\r\n", Text(PushMessages.Digest("latest", digest, 528)));
        Assert.Equal($"{{\"progressDetail\":{{}},\"aux\":{{\"Tag\":\"latest\",\"Digest\":\"{digest}\",\"Size\":528}}}}\r\n",
            Text(PushMessages.Aux("latest", digest, 528)));
        Assert.Equal("{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}\r\n",
            Encoding.UTF8.GetString(JsonMessageFormat.FormatError("manifest unknown")));
        Assert.Equal("{\"status\":\"Status: Image is up to date for localhost:5000/a:1\"}\r\n",
            Text(PullMessages.FinalStatus(new RemoteReference("localhost:5000", "a", "1"), downloadedNewer: false)));
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(512, "512B")]
    [InlineData(1000, "1kB")]
    [InlineData(1536, "1.536kB")]
    [InlineData(2097152, "2.097MB")]
    [InlineData(67108864, "67.11MB")]
    [InlineData(999999, "1000kB")]
    [InlineData(5e9, "5GB")]
    public void Sizes_read_like_go_units(double bytes, string text) => Assert.Equal(text, ProgressBar.HumanSize(bytes));

    [Fact]
    public void A_bar_past_its_total_shows_only_the_current_size() =>
        Assert.Equal("[" + new string('=', 50) + ">]      20B", ProgressBar.Render(20, 10));

    [Fact]
    public async Task Progress_is_throttled_by_bytes_and_time_but_the_final_update_always_goes_out()
    {
        var time = new ManualTime();
        var writer = new Support.RecordingProgress();
        var bar = new TransferProgress(writer, "id", "Downloading", 100 * 1024 * 1024, time); // step: 512 KiB

        await bar.ReportAsync(100 * 1024); // below a step
        await bar.ReportAsync(600 * 1024); // a step: out
        await bar.ReportAsync(1200 * 1024); // a step, but within 100 ms
        time.Advance(TimeSpan.FromMilliseconds(150));
        await bar.ReportAsync(1300 * 1024); // time passed and a step since the last one written
        await bar.ReportAsync(100 * 1024 * 1024); // final

        Assert.Equal([600 * 1024L, 1300 * 1024L, 100 * 1024 * 1024L], writer.Messages.Select(m => m.ProgressDetail!.Current!.Value));
    }

    [Fact]
    public async Task The_stream_writer_calls_its_hook_once_and_flushes_every_message()
    {
        using var stream = new MemoryStream();
        var hooks = 0;
        var writer = new StreamProgressWriter(stream, () => { hooks++; return ValueTask.CompletedTask; });

        Assert.False(writer.Started);
        await writer.WriteAsync(JsonMessage.Message(null, "one"));
        await writer.WriteErrorAsync("boom");

        Assert.True(writer.Started);
        Assert.Equal(1, hooks);
        Assert.Equal("{\"status\":\"one\"}\r\n{\"errorDetail\":{\"message\":\"boom\"},\"error\":\"boom\"}\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    sealed class ManualTime : TimeProvider
    {
        long _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}

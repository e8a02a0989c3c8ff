using System.Buffers;
using System.Text;
using Platform.ServiceDefaults.Hijack;
using Xunit;

namespace Platform.Gateway.Tests.Unit.Hijack;

public sealed class RawRequestHeadParserTests
{
    const string ExecStart =
        "POST /v1.51/exec/e1/start?x=1 HTTP/1.1\r\nHost: api.moby.localhost\r\nconnection: Upgrade\r\nUpgrade:tcp\r\n" +
        "Content-Type: application/json\r\nContent-Length: 29\r\n\r\n{\"Detach\":false,\"Tty\":false}\n";

    [Fact]
    public void A_complete_head_gives_method_target_and_headers_and_its_length()
    {
        var status = Parse(ExecStart, out var head);

        Assert.Equal(RawRequestHeadStatus.Complete, status);
        Assert.Equal("POST", head!.Method);
        Assert.Equal("/v1.51/exec/e1/start?x=1", head.Target);
        Assert.Equal("/v1.51/exec/e1/start", head.Path);
        Assert.Equal("?x=1", head.Query);
        Assert.Equal("HTTP/1.1", head.Version);
        Assert.Equal("Upgrade", head["Connection"]);
        Assert.Equal("tcp", head["upgrade"]);
        Assert.True(head.WantsUpgrade);
        Assert.True(head.HasToken("Connection", "upgrade"));
        Assert.Equal(29, head.ContentLength);
        Assert.Equal(ExecStart.IndexOf("{\"Detach\"", StringComparison.Ordinal), head.Length);
    }

    [Fact]
    public void A_head_split_over_several_segments_is_parsed_like_a_contiguous_one()
    {
        var bytes = Encoding.ASCII.GetBytes(ExecStart);
        var sequence = Segments(bytes, 7);

        var status = RawRequestHeadParser.TryParse(sequence, out var head);

        Assert.Equal(RawRequestHeadStatus.Complete, status);
        Assert.Equal("/v1.51/exec/e1/start", head!.Path);
        Assert.Equal(5, head.Headers.Count);
    }

    [Theory]
    [InlineData("POST /containers/x/attach HTTP/1.1\r\nHost: x\r\n")]
    [InlineData("POST /containers/x/attach HTTP/1.1\r\nHost: x\r\n\r")]
    [InlineData("POST /conta")]
    [InlineData("")]
    public void A_head_without_its_blank_line_is_incomplete(string text) =>
        Assert.Equal(RawRequestHeadStatus.Incomplete, Parse(text, out _));

    [Theory]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("POST /x HTTP/1.1\r\nHost: x\r\n folded: value\r\n\r\n")]
    [InlineData("POST /x HTTP/1.1\r\nNo colon here\r\n\r\n")]
    [InlineData("POST  HTTP/1.1\r\n\r\n")]
    [InlineData("P(ST /x HTTP/1.1\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\n\n")]
    public void Anything_but_an_http1_head_is_invalid(string text) =>
        Assert.Equal(RawRequestHeadStatus.Invalid, Parse(text, out _));

    [Fact]
    public void A_head_that_does_not_end_within_the_limit_is_too_large()
    {
        var text = "GET /x HTTP/1.1\r\nX-Big: " + new string('a', 5000);

        Assert.Equal(RawRequestHeadStatus.TooLarge, RawRequestHeadParser.TryParse(
            new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), out _, maxHeadSize: 4096));
    }

    [Fact]
    public void Bare_line_feeds_and_absolute_form_targets_are_understood()
    {
        var status = Parse("POST http://docker/v1.44/containers/c1/attach?stream=1 HTTP/1.0\nHost: docker\n\n", out var head);

        Assert.Equal(RawRequestHeadStatus.Complete, status);
        Assert.Equal("/v1.44/containers/c1/attach", head!.Path);
        Assert.Equal("?stream=1", head.Query);
        Assert.Equal("HTTP/1.0", head.Version);
    }

    [Fact]
    public void Conflicting_content_lengths_are_rejected_and_the_last_transfer_coding_decides_chunking()
    {
        Parse("POST /x HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", out var head);

        Assert.Equal(400, Assert.Throws<RawHttpException>(() => head!.ContentLength).StatusCode);
        Assert.True(head!.IsChunked);
    }

    static RawRequestHeadStatus Parse(string text, out RawRequestHead? head) =>
        RawRequestHeadParser.TryParse(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text)), out head);

    internal static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        var chunks = bytes.Chunk(size).ToArray();
        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1)) last = last.Append(chunk);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

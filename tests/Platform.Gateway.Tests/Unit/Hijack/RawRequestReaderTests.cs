using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Platform.ServiceDefaults.Hijack;
using Xunit;

namespace Platform.Gateway.Tests.Unit.Hijack;

/// <summary>Reading exec start's body off a hijacked connection leaves the raw stream that follows untouched.</summary>
public sealed class RawRequestReaderTests
{
    [Theory]
    [InlineData("Content-Length: 28\r\n", "{\"Detach\":false,\"Tty\":false}", "{\"Detach\":false,\"Tty\":false}")]
    [InlineData("Transfer-Encoding: chunked\r\n", "6;ext=1\r\n{\"Tty\"\r\nC\r\n:true,\"x\":1}\r\n0\r\nTrailer: t\r\n\r\n", "{\"Tty\":true,\"x\":1}")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 99\r\n", "2\n{}\n0\n\n", "{}")]
    [InlineData("", "", "")]
    public async Task The_body_is_read_by_its_framing_and_the_stream_after_it_stays(string framing, string wire, string body)
    {
        var input = await FeedAsync($"POST /exec/e1/start HTTP/1.1\r\nHost: x\r\n{framing}\r\n{wire}STDIN", pieceSize: 5);
        var head = await PeekAsync(input);

        await RawRequestReader.SkipHeadAsync(input, head);
        var read = await RawRequestReader.ReadBodyAsync(input, head);

        Assert.Equal(body, Encoding.Latin1.GetString(read));
        Assert.Equal("STDIN", await RestAsync(input));
    }

    [Theory]
    [InlineData("Content-Length: 2000\r\n", "", 413)]
    [InlineData("Content-Length: -1\r\n", "", 400)]
    [InlineData("Content-Length: 10\r\n", "short", 400)]
    [InlineData("Transfer-Encoding: chunked\r\n", "zz\r\n", 400)]
    [InlineData("Transfer-Encoding: chunked\r\n", "800\r\n", 413)]
    [InlineData("Transfer-Encoding: chunked\r\n", "3\r\nabcX", 400)]
    [InlineData("Transfer-Encoding: gzip\r\n", "", 400)]
    public async Task Bad_or_oversized_bodies_are_refused_with_a_status(string framing, string wire, int status)
    {
        var input = await FeedAsync($"POST /exec/e1/start HTTP/1.1\r\n{framing}\r\n{wire}", pieceSize: 64, complete: true);
        var head = await PeekAsync(input);
        await RawRequestReader.SkipHeadAsync(input, head);

        var error = await Assert.ThrowsAsync<RawHttpException>(async () => await RawRequestReader.ReadBodyAsync(input, head, maxBodySize: 1024));

        Assert.Equal(status, error.StatusCode);
    }

    static async Task<PipeReader> FeedAsync(string text, int pieceSize, bool complete = false)
    {
        var pipe = new Pipe();
        foreach (var piece in Encoding.Latin1.GetBytes(text).Chunk(pieceSize))
        {
            await pipe.Writer.WriteAsync(piece);
        }
        if (complete) await pipe.Writer.CompleteAsync();
        return pipe.Reader;
    }

    /// <summary>Peeks like the connection middleware does: nothing consumed.</summary>
    static async Task<RawRequestHead> PeekAsync(PipeReader input)
    {
        var result = await input.ReadAsync();
        Assert.Equal(RawRequestHeadStatus.Complete, RawRequestHeadParser.TryParse(result.Buffer, out var head));
        input.AdvanceTo(result.Buffer.Start);
        return head!;
    }

    static async Task<string> RestAsync(PipeReader input)
    {
        var result = await input.ReadAsync();
        var text = Encoding.Latin1.GetString(result.Buffer.ToArray());
        input.AdvanceTo(result.Buffer.End);
        return text;
    }
}

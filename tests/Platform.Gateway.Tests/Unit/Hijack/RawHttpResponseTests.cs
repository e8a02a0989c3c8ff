using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Platform.ServiceDefaults.Hijack;
using Xunit;

namespace Platform.Gateway.Tests.Unit.Hijack;

/// <summary>Heads are byte-exact: Docker.DotNet reads a header value as everything after ": ".</summary>
public sealed class RawHttpResponseTests
{
    [Fact]
    public async Task An_upgrade_request_gets_101_with_upgrade_tcp_and_no_framing()
    {
        var written = await WriteAsync(output => RawHttpResponse.WriteHijackHeadAsync(output, Head("Connection: Upgrade\r\nUpgrade: tcp\r\n"),
            RawHttpResponse.MultiplexedStream, [new("Api-Version", "1.51")]));

        Assert.Equal("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n" +
                     "Connection: Upgrade\r\nUpgrade: tcp\r\nApi-Version: 1.51\r\n\r\n", written);
    }

    [Fact]
    public async Task A_request_without_upgrade_gets_an_unframed_200_raw_stream()
    {
        var written = await WriteAsync(output => RawHttpResponse.WriteHijackHeadAsync(output, Head("Connection: close\r\n"),
            RawHttpResponse.MultiplexedStream));

        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n", written);
    }

    [Fact]
    public async Task An_error_before_the_stream_is_json_with_a_length_and_closes()
    {
        var written = await WriteAsync(output => RawHttpResponse.WriteJsonErrorAsync(output, 404, "No such exec instance: e1"));

        Assert.Equal("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 40\r\nConnection: close\r\n\r\n" +
                     "{\"message\":\"No such exec instance: e1\"}\n", written);
    }

    [Fact]
    public void Header_injection_is_refused() =>
        Assert.Throws<ArgumentException>(() => RawHttpResponse.WriteHead(new ArrayBufferWriter<byte>(), 200, "OK",
            [new("X-Evil", "a\r\nSet-Cookie: b")]));

    static RawRequestHead Head(string headers)
    {
        RawRequestHeadParser.TryParse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(
            $"POST /exec/e1/start HTTP/1.1\r\nHost: x\r\n{headers}\r\n")), out var head);
        return head!;
    }

    static async Task<string> WriteAsync(Func<PipeWriter, ValueTask<FlushResult>> write)
    {
        var pipe = new Pipe();
        await write(pipe.Writer);
        await pipe.Writer.CompleteAsync();
        var result = await pipe.Reader.ReadAsync();
        while (!result.IsCompleted)
        {
            pipe.Reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await pipe.Reader.ReadAsync();
        }
        return Encoding.Latin1.GetString(result.Buffer.ToArray());
    }
}

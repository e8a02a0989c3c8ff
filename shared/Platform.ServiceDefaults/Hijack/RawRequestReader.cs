using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>
/// Reads a request from a hijacked connection's input: skip the head the middleware peeked at, then read the
/// body (docker-api.md §1.2: Content-Length, chunked, or neither = empty body, e.g. exec start's
/// <c>{"Detach":false,"Tty":false}</c>). The input is left just after the body, where the raw stream begins.
/// </summary>
public static class RawRequestReader
{
    public const int DefaultMaxBodySize = 1024 * 1024;
    const int MaxChunkLine = 4096;

    /// <summary>Consumes the <see cref="RawRequestHead.Length"/> bytes of the head.</summary>
    public static async ValueTask SkipHeadAsync(PipeReader input, RawRequestHead head, CancellationToken cancellationToken = default)
    {
        long remaining = head.Length;
        while (remaining > 0)
        {
            var result = await input.ReadAsync(cancellationToken);
            var take = Math.Min(remaining, result.Buffer.Length);
            input.AdvanceTo(result.Buffer.GetPosition(take));
            remaining -= take;
            if (remaining > 0 && (result.IsCompleted || result.IsCanceled))
                throw new RawHttpException(400, "connection closed inside the request head");
        }
    }

    /// <summary>
    /// Reads the whole body after the head. Transfer-Encoding chunked wins over Content-Length; no framing
    /// header means no body. Throws <see cref="RawHttpException"/> with 400 (bad framing, early EOF) or 413.
    /// </summary>
    public static async ValueTask<byte[]> ReadBodyAsync(PipeReader input, RawRequestHead head,
        int maxBodySize = DefaultMaxBodySize, CancellationToken cancellationToken = default)
    {
        if (head.IsChunked) return await ReadChunkedAsync(input, maxBodySize, cancellationToken);
        if (head["Transfer-Encoding"] is not null)
            throw new RawHttpException(400, $"unsupported Transfer-Encoding: {head["Transfer-Encoding"]}");

        var length = head.ContentLength ?? 0;
        if (length > maxBodySize) throw new RawHttpException(413, $"request body larger than {maxBodySize} bytes");
        var body = new ArrayBufferWriter<byte>((int)Math.Max(length, 1));
        await CopyExactAsync(input, length, body, cancellationToken);
        return body.WrittenSpan.ToArray();
    }

    static async ValueTask<byte[]> ReadChunkedAsync(PipeReader input, int maxBodySize, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        while (true)
        {
            var sizeLine = await ReadLineAsync(input, cancellationToken);
            var sizeText = (sizeLine.IndexOf(';') is var semicolon and >= 0 ? sizeLine[..semicolon] : sizeLine).Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new RawHttpException(400, $"invalid chunk size: {sizeLine}");
            if (size == 0)
            {
                while ((await ReadLineAsync(input, cancellationToken)).Length > 0) { }   // trailer fields
                return body.WrittenSpan.ToArray();
            }
            if (body.WrittenCount + size > maxBodySize)
                throw new RawHttpException(413, $"request body larger than {maxBodySize} bytes");
            await CopyExactAsync(input, size, body, cancellationToken);
            if ((await ReadLineAsync(input, cancellationToken)).Length != 0)
                throw new RawHttpException(400, "chunk data not followed by CRLF");
        }
    }

    static async ValueTask CopyExactAsync(PipeReader input, long count, IBufferWriter<byte> into, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var result = await input.ReadAsync(cancellationToken);
            var take = result.Buffer.Slice(0, Math.Min(count, result.Buffer.Length));
            foreach (var segment in take) into.Write(segment.Span);
            input.AdvanceTo(take.End);
            count -= take.Length;
            if (count > 0 && (result.IsCompleted || result.IsCanceled))
                throw new RawHttpException(400, "connection closed inside the request body");
        }
    }

    /// <summary>One line without its CRLF (or bare LF).</summary>
    static async ValueTask<string> ReadLineAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var reader = new SequenceReader<byte>(result.Buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n') && line.Length <= MaxChunkLine)
            {
                var text = Encoding.Latin1.GetString(line);
                input.AdvanceTo(reader.Position);
                return text.EndsWith('\r') ? text[..^1] : text;
            }
            if (result.Buffer.Length > MaxChunkLine) throw new RawHttpException(400, "chunk line too long");
            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled) throw new RawHttpException(400, "connection closed inside a chunk");
        }
    }
}

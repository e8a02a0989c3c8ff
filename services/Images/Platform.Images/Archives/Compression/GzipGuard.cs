using System.IO.Compression;

namespace Platform.Images.Archives.Compression;

/// <summary>A gzip stream that was not gzip after all (or is damaged), told apart from a bad tar inside it.</summary>
public sealed class CorruptCompressionException(string message, Exception inner) : IOException(message, inner);

/// <summary>Decompresses gzip, reporting damage as <see cref="CorruptCompressionException"/> instead of InvalidDataException.</summary>
public sealed class GzipGuard(Stream compressed) : Stream
{
    readonly GZipStream _gzip = new(compressed, CompressionMode.Decompress);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _gzip.Read(buffer);
        }
        catch (InvalidDataException error)
        {
            throw new CorruptCompressionException($"invalid gzip stream: {error.Message}", error);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _gzip.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException error)
        {
            throw new CorruptCompressionException($"invalid gzip stream: {error.Message}", error);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

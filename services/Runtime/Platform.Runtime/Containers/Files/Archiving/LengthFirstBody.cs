namespace Platform.Runtime.Containers.Files.Archiving;

/// <summary>
/// A response body that holds the first <see cref="Limit"/> bytes back: a body that ends within them goes out with a
/// Content-Length, a longer one is streamed chunked from the moment it outgrows them. Clients that read a tar entry
/// by entry issue zero-length reads at entry boundaries, and some chunked decoders (Docker.DotNet's) fail those
/// mid-chunk; a length-delimited body reads cleanly, and most `docker cp` archives are small.
/// </summary>
public sealed class LengthFirstBody(HttpResponse response, int limit = LengthFirstBody.DefaultLimit) : Stream
{
    public const int DefaultLimit = 4 * 1024 * 1024;

    readonly MemoryStream _held = new();
    bool _streaming;

    public int Limit => limit;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        if (_streaming)
        {
            await response.Body.WriteAsync(buffer, ct);
            return;
        }
        if (_held.Length + buffer.Length <= limit)
        {
            _held.Write(buffer.Span);
            return;
        }
        _streaming = true;
        await response.StartAsync(ct);
        await response.Body.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
        _held.SetLength(0);
        await response.Body.WriteAsync(buffer, ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    /// <summary>Sends what is held (with its length) unless the body already streams.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_streaming) return;
        response.ContentLength = _held.Length;
        await response.Body.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken ct) => _streaming ? response.Body.FlushAsync(ct) : Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

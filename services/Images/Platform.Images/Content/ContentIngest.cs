using System.Security.Cryptography;

namespace Platform.Images.Content;

/// <summary>
/// A blob being written: a stream that hashes as it writes. <see cref="CommitAsync"/> verifies the digest and size,
/// flushes to disk and publishes it; disposing without commit keeps the partial file for a resumed download.
/// </summary>
public sealed class ContentIngest : Stream
{
    readonly FileStream _file;
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly ContentStore _store;
    readonly Digest? _expected;
    readonly long? _expectedSize;
    readonly string _path;
    bool _committed;

    ContentIngest(string path, FileStream file, ContentStore store, Digest? expected, long? expectedSize)
    {
        _path = path;
        _file = file;
        _store = store;
        _expected = expected;
        _expectedSize = expectedSize;
    }

    internal static ContentIngest Open(string path, ContentStore store, Digest? expected, long? expectedSize)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var ingest = new ContentIngest(path, file, store, expected, expectedSize);
        if (expectedSize is { } size && file.Length > size) file.SetLength(0); // cannot be a prefix: start over
        ingest.RehashExisting();
        return ingest;
    }

    /// <summary>Bytes already written (resume a download from here).</summary>
    public long Offset => _file.Length;

    void RehashExisting()
    {
        _file.Position = 0;
        var buffer = new byte[1 << 16];
        int n;
        while ((n = _file.Read(buffer)) > 0) _hash.AppendData(buffer, 0, n);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _file.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        _hash.AppendData(buffer.Span);
        await _file.WriteAsync(buffer, ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    /// <summary>Verifies and publishes the blob. A mismatch deletes the ingest file and throws.</summary>
    public async Task<Digest> CommitAsync(CancellationToken ct = default)
    {
        await _file.FlushAsync(ct);
        _file.Flush(flushToDisk: true);
        var actual = Digest.FromHash(_hash.GetCurrentHash());
        var length = _file.Length;
        await _file.DisposeAsync();
        if (_expected is { } expected && expected != actual || _expectedSize is { } size && size != length)
        {
            File.Delete(_path);
            throw new ContentVerificationException(_expected ?? actual, actual, _expectedSize, length);
        }
        _store.Publish(_path, actual);
        _committed = true;
        return actual;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_committed) _file.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_committed) await _file.DisposeAsync();
        _hash.Dispose();
        await base.DisposeAsync();
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _file.Length;
    public override long Position { get => _file.Length; set => throw new NotSupportedException(); }
    public override void Flush() => _file.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

public sealed class ContentVerificationException(Digest expected, Digest actual, long? expectedSize, long actualSize)
    : Exception(expected != actual
        ? $"digest mismatch: expected {expected}, got {actual}"
        : $"size mismatch for {expected}: expected {expectedSize} bytes, got {actualSize}")
{
    public Digest Expected { get; } = expected;
    public Digest Actual { get; } = actual;
}

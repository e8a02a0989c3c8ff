using System.IO.Compression;
using System.Security.Cryptography;
using Platform.Images.Content;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Layers;

public enum LayerCompression { None, Gzip, Zstd }

/// <summary>
/// The uncompressed tar of a layer blob. Compression is detected from magic bytes (gzip <c>1f 8b</c>, zstd
/// <c>28 b5 2f fd</c>; anything else is read as a plain tar), and every byte read is hashed, so once the stream has been
/// read to its end <see cref="Complete"/> yields the DiffID (sha256 of the uncompressed tar, trailing padding included).
/// </summary>
public sealed class LayerReader : Stream
{
    readonly Stream _blob;
    readonly Stream _decompressed;
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly bool _leaveOpen;
    Digest? _diffId;

    LayerReader(Stream blob, Stream decompressed, LayerCompression compression, bool leaveOpen)
    {
        _blob = blob;
        _decompressed = decompressed;
        Compression = compression;
        _leaveOpen = leaveOpen;
    }

    public LayerCompression Compression { get; }

    /// <summary>Uncompressed bytes read so far.</summary>
    public long UncompressedLength { get; private set; }

    /// <summary>The DiffID, once the stream has been read to its end.</summary>
    public Digest? DiffId => _diffId;

    /// <summary>Sniffs the blob's first bytes and opens the matching decompressor.</summary>
    public static LayerReader Open(Stream blob, bool leaveOpen = false)
    {
        var magic = new byte[6];
        var n = blob.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var prefixed = new PrefixedStream(magic.AsMemory(0, n), blob);
        var head = magic.AsSpan(0, n);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
            return new LayerReader(blob, new GZipStream(prefixed, CompressionMode.Decompress), LayerCompression.Gzip, leaveOpen);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]))
            return new LayerReader(blob, new ZstdDecompressionStream(prefixed), LayerCompression.Zstd, leaveOpen);
        if (head.StartsWith("BZh"u8))
            throw new LayerFormatException("unsupported layer compression: bzip2");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
            throw new LayerFormatException("unsupported layer compression: xz");
        return new LayerReader(blob, prefixed, LayerCompression.None, leaveOpen);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try { n = _decompressed.Read(buffer); }
        catch (InvalidDataException e)
        {
            throw new LayerFormatException($"layer {Compression.ToString().ToLowerInvariant()} stream is corrupt: {e.Message}", e);
        }
        _hash.AppendData(buffer[..n]);
        UncompressedLength += n;
        return n;
    }

    /// <summary>Reads whatever the tar reader left (end-of-archive padding) and returns the DiffID.</summary>
    public Digest Complete()
    {
        if (_diffId is { } done) return done;
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0) { }
        _diffId = Digest.FromHash(_hash.GetCurrentHash());
        return _diffId.Value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (_decompressed is not PrefixedStream) _decompressed.Dispose();
            if (!_leaveOpen) _blob.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => UncompressedLength; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Replays the sniffed bytes, then the rest of the blob. Never disposes the blob (the reader does).</summary>
    sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
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
}

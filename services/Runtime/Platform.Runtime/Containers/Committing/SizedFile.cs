namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// A file read as exactly the size its stat said: a tar header promises that many bytes, so a file still growing
/// (a commit with pause=0) is cut there and one that shrank is padded with zeros, never tearing the archive.
/// </summary>
sealed class SizedFile(FileStream file, long length) : Stream
{
    long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true; // the tar writer asks Length up front
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0) return 0;
        var read = await file.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            buffer.Span[..wanted].Clear(); // the file shrank: zeros up to the size announced
            read = wanted;
        }
        _position += read;
        return read;
    }

    /// <summary>Only to where it already is (the tar writer may ask to rewind a stream it has not read yet).</summary>
    public override long Seek(long offset, SeekOrigin origin) =>
        (origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset }) == _position
            ? _position
            : throw new NotSupportedException("a file in a layer is read once, front to back");

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}

using System.Text;

namespace Platform.Images.Snapshots.Unpacking;

/// <summary>
/// Watches the tar bytes that <see cref="System.Formats.Tar.TarReader"/> consumes and keeps the raw bytes of
/// <c>SCHILY.xattr.*</c> PAX records. TarReader decodes PAX values as UTF-8 text, which mangles binary xattrs such
/// as <c>security.capability</c> (a <c>cap_setuid</c> bit is byte 0x80). TarReader reads a header only when asked for the
/// next entry and an entry's data lazily, so after it returns an entry, <see cref="Current"/> holds that entry's
/// records; the caller uses them only if they decode to exactly the strings TarReader produced.
/// </summary>
internal sealed class PaxXattrTap(Stream inner) : Stream
{
    const string XattrPrefix = "SCHILY.xattr.";
    readonly byte[] _header = new byte[512];
    int _headerFill, _zeroBlocks;
    long _skip;
    MemoryStream? _pax;
    long _paxRemaining, _paxPadding;
    Dictionary<string, byte[]>? _pending;
    long? _pendingSize;
    bool _ended;

    /// <summary>Raw xattr values of the entry whose header was read last; null when it had none.</summary>
    public IReadOnlyDictionary<string, byte[]>? Current { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Observe(buffer[..n]);
        return n;
    }

    void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && !_ended)
        {
            if (_skip > 0)
            {
                var k = (int)Math.Min(_skip, data.Length);
                _skip -= k;
                data = data[k..];
            }
            else if (_pax is not null)
            {
                var k = (int)Math.Min(_paxRemaining, data.Length);
                _pax.Write(data[..k]);
                _paxRemaining -= k;
                data = data[k..];
                if (_paxRemaining == 0) FinishPax();
            }
            else
            {
                var k = Math.Min(512 - _headerFill, data.Length);
                data[..k].CopyTo(_header.AsSpan(_headerFill));
                _headerFill += k;
                data = data[k..];
                if (_headerFill == 512)
                {
                    _headerFill = 0;
                    OnHeader();
                }
            }
        }
    }

    void OnHeader()
    {
        if (_header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            if (++_zeroBlocks == 2) _ended = true;
            return;
        }
        _zeroBlocks = 0;
        var size = ParseSize(_header.AsSpan(124, 12));
        switch ((char)_header[156])
        {
            case 'x':
                _pax = new MemoryStream();
                _paxRemaining = size;
                _paxPadding = Padding(size);
                if (size == 0) FinishPax();
                break;
            case 'g' or 'L' or 'K':
                _skip = size + Padding(size);
                break;
            default:
                Current = _pending;
                var dataSize = _pendingSize ?? size;
                _pending = null;
                _pendingSize = null;
                _skip = dataSize + Padding(dataSize);
                break;
        }
    }

    void FinishPax()
    {
        var records = _pax!.ToArray();
        _pax = null;
        _skip = _paxPadding;
        var span = records.AsSpan();
        while (!span.IsEmpty)
        {
            var space = span.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(span[..space], out var length) || length <= space || length > span.Length) return;
            var record = span[(space + 1)..length];
            span = span[length..];
            if (record.IsEmpty || record[^1] != (byte)'\n') return;
            var equals = record.IndexOf((byte)'=');
            if (equals < 0) return;
            var key = Encoding.UTF8.GetString(record[..equals]);
            var value = record[(equals + 1)..^1];
            if (key.StartsWith(XattrPrefix, StringComparison.Ordinal))
                (_pending ??= [])[key] = value.ToArray();
            else if (key == "size" && long.TryParse(value, out var size))
                _pendingSize = size;
        }
    }

    static long Padding(long size) => (512 - size % 512) % 512;

    static long ParseSize(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0) // GNU base-256
        {
            long value = field[0] & 0x7f;
            foreach (var b in field[1..]) value = (value << 8) | b;
            return value;
        }
        long octal = 0;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (octal != 0) break;
                continue;
            }
            if (b is < (byte)'0' or > (byte)'7') break;
            octal = octal * 8 + (b - '0');
        }
        return octal;
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

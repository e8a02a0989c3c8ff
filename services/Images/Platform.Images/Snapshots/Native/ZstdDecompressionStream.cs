using System.Runtime.InteropServices;

namespace Platform.Images.Snapshots.Native;

/// <summary>
/// Streaming zstd decompression over the system's libzstd (Debian's libzstd1, which dpkg itself depends on), so no
/// managed package is needed. Concatenated frames are decoded in order; input that ends inside a frame is an error.
/// </summary>
internal sealed unsafe partial class ZstdDecompressionStream : Stream
{
    const string Lib = "libzstd.so.1";

    [StructLayout(LayoutKind.Sequential)]
    struct Buffer
    {
        public nint Data;
        public nuint Size;
        public nuint Position;
    }

    [LibraryImport(Lib, EntryPoint = "ZSTD_createDCtx")]
    private static partial nint CreateContext();

    [LibraryImport(Lib, EntryPoint = "ZSTD_freeDCtx")]
    private static partial nuint FreeContext(nint context);

    [LibraryImport(Lib, EntryPoint = "ZSTD_decompressStream")]
    private static partial nuint DecompressStream(nint context, Buffer* output, Buffer* input);

    [LibraryImport(Lib, EntryPoint = "ZSTD_isError")]
    private static partial uint IsError(nuint code);

    [LibraryImport(Lib, EntryPoint = "ZSTD_getErrorName")]
    private static partial nint ErrorName(nuint code);

    readonly Stream _inner;
    readonly byte[] _input = new byte[1 << 17];
    nint _context;
    int _inputLength, _inputPosition;
    nuint _lastResult; // 0 once a frame is complete and flushed
    bool _sawInput, _innerEnded;

    public ZstdDecompressionStream(Stream inner)
    {
        _inner = inner;
        try { _context = CreateContext(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new LayerFormatException("unsupported layer compression: zstd (libzstd.so.1 is not installed on this host)", e);
        }
        if (_context == 0) throw new OutOfMemoryException("ZSTD_createDCtx failed");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        if (destination.IsEmpty) return 0;
        while (true)
        {
            if (_inputPosition == _inputLength && !_innerEnded)
            {
                _inputLength = _inner.Read(_input);
                _inputPosition = 0;
                if (_inputLength == 0) _innerEnded = true;
                else _sawInput = true;
            }
            if (_inputPosition == _inputLength && _innerEnded && _lastResult == 0) return 0;

            int produced;
            fixed (byte* src = _input)
            fixed (byte* dst = destination)
            {
                var output = new Buffer { Data = (nint)dst, Size = (nuint)destination.Length };
                var input = new Buffer { Data = (nint)src, Size = (nuint)_inputLength, Position = (nuint)_inputPosition };
                var result = DecompressStream(_context, &output, &input);
                if (IsError(result) != 0)
                    throw new LayerFormatException($"layer zstd stream is corrupt: {Marshal.PtrToStringUTF8(ErrorName(result))}");
                _lastResult = result;
                _inputPosition = (int)input.Position;
                produced = (int)output.Position;
            }
            if (produced > 0) return produced;
            if (_innerEnded && _inputPosition == _inputLength)
            {
                if (_lastResult != 0 || !_sawInput) throw new LayerFormatException("layer zstd stream is truncated");
                return 0;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_context != 0)
        {
            FreeContext(_context);
            _context = 0;
        }
        if (disposing) _inner.Dispose();
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

using Platform.Images.Content;

namespace Platform.Images.Tests.Support;

/// <summary>Layer blobs by DiffID, standing in for the content store; counts how often each is opened.</summary>
public sealed class LayerSource
{
    readonly Dictionary<Digest, byte[]> _blobs = [];
    readonly Dictionary<Digest, int> _opens = [];

    /// <summary>Adds an uncompressed layer tar (optionally stored compressed) and returns its DiffID.</summary>
    public Digest Add(byte[] tar, Func<byte[], byte[]>? compress = null)
    {
        var diffId = LayerBuilder.DiffIdOf(tar);
        _blobs[diffId] = compress is null ? tar : compress(tar);
        return diffId;
    }

    /// <summary>Stores arbitrary bytes under a DiffID (corrupt or mismatching blobs).</summary>
    public void Put(Digest diffId, byte[] blob) => _blobs[diffId] = blob;

    public TimeSpan Delay { get; set; }

    public int Opens(Digest diffId)
    {
        lock (_opens) return _opens.GetValueOrDefault(diffId);
    }

    public async Task<Stream> Open(Digest diffId, CancellationToken ct)
    {
        lock (_opens) _opens[diffId] = _opens.GetValueOrDefault(diffId) + 1;
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
        return new MemoryStream(_blobs[diffId], writable: false);
    }
}

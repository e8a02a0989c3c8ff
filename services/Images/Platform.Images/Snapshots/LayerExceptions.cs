using Platform.Images.Content;

namespace Platform.Images.Snapshots;

/// <summary>A layer blob that cannot be applied: corrupt or truncated data, an unsupported compression or entry type.</summary>
public class LayerFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A layer entry that would write outside the snapshot: an absolute path, a <c>..</c> that climbs out, a parent
/// directory that is a symlink pointing out of the tree, or a hard link to something outside it.
/// </summary>
public sealed class UnsafeLayerException(string entryPath, string reason)
    : LayerFormatException($"unsafe layer entry \"{entryPath}\": {reason}")
{
    public string EntryPath { get; } = entryPath;
}

/// <summary>The uncompressed layer does not hash to the DiffID the image config names.</summary>
public sealed class LayerDiffIdMismatchException(Digest expected, Digest actual)
    : LayerFormatException($"layer content does not match its DiffID: expected {expected}, got {actual}")
{
    public Digest Expected { get; } = expected;
    public Digest Actual { get; } = actual;
}

/// <summary>A snapshot cannot be removed while a child snapshot is stacked on it or an unpack is using it.</summary>
public sealed class SnapshotInUseException(Digest chainId, string reason)
    : InvalidOperationException($"snapshot {chainId} is in use: {reason}")
{
    public Digest ChainId { get; } = chainId;
}

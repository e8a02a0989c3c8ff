using Platform.Images.Content;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// One complete snapshot: <see cref="Directory"/> is its <c>fs/</c> tree, <see cref="Link"/> its short name under
/// <c>snapshots/l/</c>, <see cref="Size"/> the bytes of file content its layer added.
/// </summary>
public sealed record SnapshotInfo(Digest ChainId, Digest DiffId, Digest? Parent, long Size, string Driver, string Link, string Directory);

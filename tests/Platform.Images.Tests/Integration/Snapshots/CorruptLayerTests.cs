using Platform.Images.Content;
using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Store;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>A layer that cannot be read fully and correctly leaves no snapshot, no link and no staging behind.</summary>
public sealed class CorruptLayerTests : IDisposable
{
    readonly TempRoot _root = new();
    readonly SnapshotStore _store;
    readonly LayerSource _layers = new();
    static LayerBuilder FirstTwo() => new LayerBuilder().Dir("bin").File("bin/tool", new byte[200_000]);
    static readonly byte[] Tar = FirstTwo().File("bin/other", new byte[100_000]).Tar();

    /// <summary>Where the third entry starts: the first two entries without the end-of-archive blocks.</summary>
    static readonly int Boundary = FirstTwo().Tar().Length - 1024;
    static readonly Digest DiffId = LayerBuilder.DiffIdOf(Tar);

    public CorruptLayerTests() => _store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);

    public void Dispose() => _root.Dispose();

    async Task<LayerFormatException> EnsureFails(byte[] blob)
    {
        _layers.Put(DiffId, blob);
        var error = await Assert.ThrowsAnyAsync<LayerFormatException>(() => _store.EnsureAsync([DiffId], _layers.Open));
        Assert.Empty(_store.List());
        Assert.False(Directory.Exists(Path.Combine(_store.SnapshotsDirectory, DiffId.Hex)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_store.SnapshotsDirectory, "l")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_store.SnapshotsDirectory, ".tmp")));
        return error;
    }

    [Fact]
    public async Task A_tar_truncated_inside_a_file_is_refused()
    {
        var error = await EnsureFails(Tar[..150_000]);

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task A_tar_truncated_inside_a_header_is_refused()
    {
        var error = await EnsureFails(Tar[..(Boundary + 100)]);

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task A_tar_cut_cleanly_between_entries_is_refused()
    {
        var error = await EnsureFails(Tar[..Boundary]);

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task A_flipped_bit_in_file_content_fails_the_diff_id()
    {
        var damaged = (byte[])Tar.Clone();
        damaged[Boundary - 1000] ^= 0x01;

        var error = await EnsureFails(damaged);

        Assert.IsType<LayerDiffIdMismatchException>(error);
    }

    [Fact]
    public async Task Garbage_behind_a_gzip_magic_is_refused()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = 0x8b;
        garbage[2] = 0x08;
        garbage[3] = 0x00;

        var error = await EnsureFails(garbage);

        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public async Task Random_bytes_are_not_a_layer()
    {
        var garbage = new byte[8192];
        new Random(8).NextBytes(garbage);
        garbage[0] = 0x42; // not a compression magic: read as a plain tar

        var error = await EnsureFails(garbage);

        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public async Task A_truncated_gzip_layer_is_refused()
    {
        var gzip = LayerBuilder.Gzip(Tar);

        var error = await EnsureFails(gzip[..(gzip.Length / 2)]);

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task Content_that_is_not_the_named_diff_id_is_refused()
    {
        var error = await EnsureFails(new LayerBuilder().File("other", "content").Tar());

        Assert.IsType<LayerDiffIdMismatchException>(error);
    }
}

using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Store;
using Platform.Images.Snapshots.Unpacking;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>
/// A hostile layer cannot write outside its snapshot. A sentinel directory next to the host root stands in for the
/// host's /etc: after every refused layer it holds exactly what it held before.
/// </summary>
public sealed class UnsafeLayerTests : IDisposable
{
    readonly TempRoot _root = new();
    readonly string _outside;
    readonly string _sentinel;

    public UnsafeLayerTests()
    {
        _outside = _root.Sub("outside");
        _sentinel = Path.Combine(_outside, "passwd");
        File.WriteAllText(_sentinel, "root:x:0:0");
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Climbs from any depth to the filesystem root, then down to the sentinel directory.</summary>
    string Climb => string.Concat(Enumerable.Repeat("../", 24)) + _outside.TrimStart('/');

    public static TheoryData<string> Attacks => ["dotdot", "absolute", "symlink-parent", "relative-symlink-parent", "hardlink", "absolute-hardlink", "hardlink-through-symlink"];

    LayerBuilder Attack(string name) => name switch
    {
        "dotdot" => new LayerBuilder().File("etc/../../outside/passwd", "pwned"),
        "absolute" => new LayerBuilder().File(_sentinel, "pwned"),
        "symlink-parent" => new LayerBuilder().Symlink("etc", _outside).File("etc/passwd", "pwned"),
        "relative-symlink-parent" => new LayerBuilder().Symlink("etc", Climb).File("etc/passwd", "pwned"),
        "hardlink" => new LayerBuilder().HardLink("stolen", "../outside/passwd"),
        "absolute-hardlink" => new LayerBuilder().HardLink("stolen", _sentinel),
        "hardlink-through-symlink" => new LayerBuilder().Symlink("etc", _outside).HardLink("stolen", "etc/passwd"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    void AssertOutsideUntouched()
    {
        Assert.Equal(["passwd = root:x:0:0"], Tree.Describe(_outside));
        Assert.Equal(1u, Tree.Stat(_sentinel).Nlink);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void The_unpacker_refuses_the_entry_and_writes_nothing_outside(string attack)
    {
        var fs = _root.Sub("fs");

        var error = Assert.Throws<UnsafeLayerException>(() =>
            LayerUnpacker.Unpack(new MemoryStream(Attack(attack).Tar()), fs, WhiteoutMode.Overlay));

        Assert.NotEmpty(error.EntryPath);
        AssertOutsideUntouched();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task The_store_refuses_the_layer_and_keeps_no_snapshot(string attack)
    {
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Overlay);
        var layers = new LayerSource();
        var diffId = layers.Add(Attack(attack).Tar());

        await Assert.ThrowsAsync<UnsafeLayerException>(() => store.EnsureAsync([diffId], layers.Open));

        Assert.Empty(store.List());
        Assert.False(Directory.Exists(Path.Combine(store.SnapshotsDirectory, diffId.Hex)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, "l")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, ".tmp")));
        AssertOutsideUntouched();
    }

    [Fact]
    public void Symlinks_that_stay_inside_may_be_written_through()
    {
        var fs = _root.Sub("fs");

        LayerUnpacker.Unpack(new MemoryStream(new LayerBuilder()
            .Dir("usr").Dir("usr/lib").Symlink("lib", "usr/lib").File("lib/libc.so", "elf").Tar()), fs, WhiteoutMode.Vfs);

        Assert.Equal(["lib -> usr/lib", "usr/", "usr/lib/", "usr/lib/libc.so = elf"], Tree.Describe(fs));
    }

    [Fact]
    public void Symlink_entries_may_point_anywhere_and_are_never_followed()
    {
        var fs = _root.Sub("fs");

        LayerUnpacker.Unpack(new MemoryStream(new LayerBuilder()
            .Symlink("passwd", _sentinel).File("passwd", "replaced the link, not the target").Tar()), fs, WhiteoutMode.Overlay);

        Assert.Equal(["passwd = replaced the link, not the target"], Tree.Describe(fs));
        AssertOutsideUntouched();
    }
}

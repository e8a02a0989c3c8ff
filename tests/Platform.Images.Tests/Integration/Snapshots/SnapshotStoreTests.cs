using Platform.Images.Content;
using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Store;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

public sealed class SnapshotStoreTests : IDisposable
{
    readonly TempRoot _root = new();
    readonly LayerSource _layers = new();

    public void Dispose() => _root.Dispose();

    (Digest L0, Digest L1) TwoLayers() => (
        _layers.Add(new LayerBuilder().Dir("etc").File("etc/os-release", "ID=test\n").Tar(), LayerBuilder.Gzip),
        _layers.Add(new LayerBuilder().Dir("app").File("app/run", "#!/bin/sh\n", mode: (UnixFileMode)0b111_101_101).Tar(), LayerBuilder.Zstd));

    [Fact]
    public void Without_configuration_the_driver_is_chosen_by_a_real_overlay_mount()
    {
        var store = new SnapshotStore(_root.Path);

        Assert.Equal(SnapshotDrivers.Overlay, store.Driver);
        Assert.Contains("probe", store.DriverReason);
        Assert.Empty(Mounts.Under(_root.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, ".tmp")));
    }

    [Fact]
    public async Task Each_layer_becomes_a_snapshot_keyed_by_chain_id_with_its_metadata_and_short_link()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);
        var (l0, l1) = TwoLayers();
        var chain = ChainIds.Of([l0, l1]);

        var plan = await store.EnsureAsync([l0, l1], _layers.Open);

        var top = store.Get(chain[1])!;
        Assert.Equal(new SnapshotInfo(chain[1], l1, chain[0], 10, "overlay", SnapshotStore.LinkName(chain[1]),
            Path.Combine(_root.Path, "images", "snapshots", chain[1].Hex, "fs")), top);
        Assert.Null(store.Get(chain[0])!.Parent);
        Assert.Equal([$"l/{SnapshotStore.LinkName(chain[1])}", $"l/{SnapshotStore.LinkName(chain[0])}"], plan.RelativeLowerDirs);
        Assert.Equal("ID=test\n", File.ReadAllText(Path.Combine(plan.LowerDirs[1], "etc/os-release")));
        Assert.Equal(chain[1], plan.ChainId);
        Assert.Equal(l1 + "\n", File.ReadAllText(Path.Combine(store.SnapshotsDirectory, chain[1].Hex, "meta", "diffid")));
    }

    [Fact]
    public async Task Only_missing_layers_are_unpacked()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);
        var (l0, l1) = TwoLayers();
        await store.EnsureAsync([l0], _layers.Open);

        await store.EnsureAsync([l0, l1], _layers.Open);
        await new SnapshotStore(_root.Path).EnsureAsync([l0, l1], _layers.Open);

        Assert.Equal((1, 1), (_layers.Opens(l0), _layers.Opens(l1)));
    }

    [Fact]
    public async Task Concurrent_requests_for_the_same_chain_unpack_each_layer_once()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);
        var (l0, l1) = TwoLayers();
        _layers.Delay = TimeSpan.FromMilliseconds(200);

        var plans = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.EnsureAsync([l0, l1], _layers.Open))));

        Assert.Equal((1, 1), (_layers.Opens(l0), _layers.Opens(l1)));
        Assert.All(plans, plan => Assert.Equal(plans[0].LowerDirs, plan.LowerDirs));
        Assert.Equal(2, store.List().Count);
    }

    [Fact]
    public async Task A_snapshot_with_a_child_cannot_be_removed_until_the_child_is()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);
        var (l0, l1) = TwoLayers();
        var chain = ChainIds.Of([l0, l1]);
        await store.EnsureAsync([l0, l1], _layers.Open);

        var refused = Assert.Throws<SnapshotInUseException>(() => store.Remove(chain[0]));
        Assert.True(store.Remove(chain[1]));
        Assert.True(store.Remove(chain[0]));

        Assert.Contains(chain[1].ToString(), refused.Message);
        Assert.False(store.Remove(chain[0]));
        Assert.Empty(store.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, "l")));
    }

    [Fact]
    public async Task An_image_without_layers_gets_an_empty_root()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Vfs);

        var plan = await store.EnsureAsync([], _layers.Open);

        Assert.Equal(store.EmptyDirectory, plan.VfsDir);
        Assert.Empty(Directory.EnumerateFileSystemEntries(plan.VfsDir!));
    }

    [Fact]
    public void Restart_discards_unfinished_unpacks_and_dangling_links()
    {
        var store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);
        var staging = Directory.CreateDirectory(Path.Combine(store.SnapshotsDirectory, ".tmp", "abc-123", "fs")).FullName;
        File.WriteAllText(Path.Combine(staging, "half-written"), "");
        File.CreateSymbolicLink(Path.Combine(store.SnapshotsDirectory, "l", "DANGLINGDANGLINGDANGLINGDA"), "../nothing/fs");

        store = new SnapshotStore(_root.Path, SnapshotDrivers.Overlay);

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, ".tmp")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.SnapshotsDirectory, "l")));
    }

    [Fact]
    public async Task A_store_keeps_the_driver_its_snapshots_were_made_with()
    {
        var (l0, _) = TwoLayers();
        await new SnapshotStore(_root.Path, SnapshotDrivers.Vfs).EnsureAsync([l0], _layers.Open);

        var error = Assert.Throws<InvalidOperationException>(() => new SnapshotStore(_root.Path, SnapshotDrivers.Overlay));

        Assert.Contains("Images:SnapshotDriver=vfs", error.Message);
        Assert.Equal(SnapshotDrivers.Vfs, new SnapshotStore(_root.Path).Driver);
    }
}

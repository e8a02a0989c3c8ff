using Platform.Images.Content;
using Platform.Images.Snapshots.Store;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>
/// Three layers as a user would build them (overwrite, delete, replace a directory), seen through a real overlay
/// mount made as LAYOUT.md tells runtime to, and through vfs: the same root filesystem either way.
/// </summary>
public sealed class RootfsViewTests : IDisposable
{
    readonly TempRoot _root = new();
    readonly LayerSource _layers = new();
    readonly Digest[] _diffIds;

    static readonly string[] Expected =
    [
        "bin/", "bin/a = a2", "bin/b -> a",
        "data/", "data/more = m3",
        "etc/", "etc/motd = hello", "etc/new = n3",
        "opt/", "opt/z = z2",
    ];

    public RootfsViewTests()
    {
        _diffIds =
        [
            _layers.Add(new LayerBuilder()
                .Dir("bin").File("bin/a", "a1")
                .Dir("etc").File("etc/passwd", "root").File("etc/motd", "hello")
                .Dir("opt").File("opt/x", "x1").Dir("opt/sub").File("opt/sub/y", "y1")
                .Dir("data").File("data/keep", "k").Tar(), LayerBuilder.Gzip),
            _layers.Add(new LayerBuilder()
                .Dir("etc").Whiteout("etc/passwd")
                .Dir("opt").Opaque("opt").File("opt/z", "z2")
                .Dir("bin").File("bin/a", "a2").Tar()),
            _layers.Add(new LayerBuilder()
                .Dir("etc").File("etc/new", "n3")
                .Dir("data").Whiteout("data/keep").File("data/more", "m3")
                .Dir("bin").Symlink("bin/b", "a").Tar(), LayerBuilder.Zstd),
        ];
    }

    public void Dispose()
    {
        _root.Dispose();
        Assert.Empty(Mounts.Under(_root.Path));
    }

    (string Upper, string Work, string Merged) ContainerDirs()
    {
        return (_root.Sub("runtime/containers/c1/upper"), _root.Sub("runtime/containers/c1/work"), _root.Sub("runtime/containers/c1/merged"));
    }

    [Fact]
    public async Task An_overlay_mount_of_the_plan_shows_the_merged_image()
    {
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Overlay);
        var plan = await store.EnsureAsync(_diffIds, _layers.Open);
        var (upper, work, merged) = ContainerDirs();

        Mounts.Overlay(plan.OverlayMountData(upper, work), merged);
        try
        {
            Assert.Equal(Expected, Tree.Describe(merged));

            File.WriteAllText(Path.Combine(merged, "etc/motd"), "changed by the container");
            Assert.Equal("hello", File.ReadAllText(Path.Combine(store.Get(ChainIds.Of(_diffIds)[0])!.Directory, "etc/motd")));
            Assert.Equal("changed by the container", File.ReadAllText(Path.Combine(upper, "etc/motd")));
        }
        finally
        {
            Mounts.Unmount(merged);
        }
        Assert.Empty(Mounts.Under(_root.Path));
    }

    [Fact]
    public async Task Relative_lowerdirs_mount_from_the_snapshots_directory()
    {
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Overlay);
        var plan = await store.EnsureAsync(_diffIds, _layers.Open);
        var (upper, work, merged) = ContainerDirs();

        Mounts.Overlay(plan.OverlayMountData(upper, work, relative: true), merged, workingDirectory: plan.SnapshotsDir);
        try
        {
            Assert.Equal(Expected, Tree.Describe(merged));
        }
        finally
        {
            Mounts.Unmount(merged);
        }
        Assert.Empty(Mounts.Under(_root.Path));
    }

    [Fact]
    public async Task Vfs_gives_the_same_root_as_plain_directories_and_keeps_each_parent_intact()
    {
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Vfs);

        var plan = await store.EnsureAsync(_diffIds, _layers.Open);

        Assert.Equal(SnapshotDrivers.Vfs, plan.Driver);
        Assert.Equal(Expected, Tree.Describe(plan.VfsDir!));
        var bottom = store.Get(ChainIds.Of(_diffIds)[0])!.Directory;
        Assert.Contains("opt/sub/y = y1", Tree.Describe(bottom));
        Assert.Contains("etc/passwd = root", Tree.Describe(bottom));
    }
}

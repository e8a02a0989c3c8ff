using Platform.Images.Snapshots.Native;
using Platform.Images.Snapshots.Store;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>vfs builds each child from a full copy of its parent: the copy must be exact.</summary>
public sealed class VfsCopyTests : IDisposable
{
    readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_child_snapshot_keeps_owners_modes_xattrs_times_links_and_devices_of_its_parent()
    {
        var layers = new LayerSource();
        var mtime = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var l0 = layers.Add(new LayerBuilder()
            .Dir("bin")
            .File("bin/passwd", "elf", mode: (UnixFileMode)0b100_111_101_101, uid: 0, gid: 0, mtime: mtime,
                pax: new Dictionary<string, string> { ["SCHILY.xattr.user.note"] = "kept" })
            .HardLink("bin/chfn", "bin/passwd")
            .File("home", "data", uid: 1000, gid: 1000)
            .Symlink("link", "/bin/passwd")
            .Dir("dev").CharDevice("dev/null", 1, 3).Fifo("dev/fifo")
            .Dir("private", (UnixFileMode)0b111_000_000, uid: 33, gid: 33).Tar());
        var l1 = layers.Add(new LayerBuilder().File("added", "new").Tar());
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Vfs);

        var plan = await store.EnsureAsync([l0, l1], layers.Open);

        var fs = plan.VfsDir!;
        var passwd = Tree.Stat(Path.Combine(fs, "bin/passwd"));
        Assert.Equal((0b100_111_101_101u, mtime), (passwd.Permissions, passwd.Mtime.ToDateTimeOffset()));
        Assert.Equal((passwd.Ino, 2u), (Tree.Stat(Path.Combine(fs, "bin/chfn")).Ino, passwd.Nlink));
        Assert.Equal("kept"u8.ToArray(), Xattrs.Get(Path.Combine(fs, "bin/passwd"), "user.note"));
        Assert.Equal((1000u, 1000u), (Tree.Stat(Path.Combine(fs, "home")).Uid, Tree.Stat(Path.Combine(fs, "home")).Gid));
        Assert.Equal("/bin/passwd", new FileInfo(Path.Combine(fs, "link")).LinkTarget);
        var devNull = Tree.Stat(Path.Combine(fs, "dev/null"));
        Assert.Equal((Libc.SIfChr, 1u, 3u), (devNull.Type, devNull.RdevMajor, devNull.RdevMinor));
        Assert.Equal(Libc.SIfIfo, Tree.Stat(Path.Combine(fs, "dev/fifo")).Type);
        var secret = Tree.Stat(Path.Combine(fs, "private"));
        Assert.Equal((33u, 0b111_000_000u), (secret.Uid, secret.Permissions));
        Assert.Equal("added = new", Tree.Describe(fs).Single(line => line.StartsWith("added")));
        Assert.DoesNotContain("added = new", Tree.Describe(store.Get(ChainIds.Of([l0])[0])!.Directory));
    }
}

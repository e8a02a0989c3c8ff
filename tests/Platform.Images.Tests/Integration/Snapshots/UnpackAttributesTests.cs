using System.Formats.Tar;
using Platform.Images.Snapshots.Native;
using Platform.Images.Snapshots.Unpacking;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>What a layer says about each file survives unpacking (runs as root: chown, mknod, trusted xattrs).</summary>
public sealed class UnpackAttributesTests : IDisposable
{
    readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    string Unpack(LayerBuilder layer, WhiteoutMode mode = WhiteoutMode.Overlay)
    {
        var target = _root.Sub("fs");
        LayerUnpacker.Unpack(new MemoryStream(layer.Tar()), target, mode);
        return target;
    }

    [Fact]
    public void Mode_setuid_owner_and_mtime_are_kept()
    {
        var mtime = new DateTimeOffset(2021, 2, 3, 4, 5, 6, TimeSpan.Zero).AddTicks(1234500);
        var fs = Unpack(new LayerBuilder()
            .Dir("usr", LayerBuilder.Mode755, uid: 0, gid: 0)
            .Dir("usr/bin")
            .File("usr/bin/su", "elf", mode: (UnixFileMode)0b100_111_101_101 /* 04755 */, uid: 0, gid: 0, mtime: mtime)
            .File("home-file", "x", mode: (UnixFileMode)0b110_000_000, uid: 1000, gid: 1001));

        var su = Tree.Stat(Path.Combine(fs, "usr/bin/su"));
        var own = Tree.Stat(Path.Combine(fs, "home-file"));

        Assert.Equal(0b100_111_101_101u, su.Permissions);
        Assert.Equal(mtime, su.Mtime.ToDateTimeOffset());
        Assert.Equal((1000u, 1001u, 0b110_000_000u), (own.Uid, own.Gid, own.Permissions));
    }

    [Fact]
    public void Directory_mtimes_are_those_of_the_tar_even_after_children_are_written()
    {
        var fs = Unpack(new LayerBuilder().Dir("etc").File("etc/a", "1").File("etc/b", "2"));

        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), Tree.Stat(Path.Combine(fs, "etc")).Mtime.ToDateTimeOffset());
    }

    [Fact]
    public void Symlinks_hardlinks_devices_and_fifos_are_recreated()
    {
        var fs = Unpack(new LayerBuilder()
            .Dir("bin").File("bin/busybox", "elf")
            .Symlink("bin/sh", "busybox")
            .Symlink("abs", "/etc/passwd")
            .HardLink("bin/ls", "bin/busybox")
            .Dir("dev").CharDevice("dev/null", 1, 3).Fifo("dev/pipe"));

        Assert.Equal("busybox", new FileInfo(Path.Combine(fs, "bin/sh")).LinkTarget);
        Assert.Equal("/etc/passwd", new FileInfo(Path.Combine(fs, "abs")).LinkTarget);
        var ls = Tree.Stat(Path.Combine(fs, "bin/ls"));
        Assert.Equal((Tree.Stat(Path.Combine(fs, "bin/busybox")).Ino, 2u), (ls.Ino, ls.Nlink));
        var devNull = Tree.Stat(Path.Combine(fs, "dev/null"));
        Assert.Equal((Libc.SIfChr, 1u, 3u), (devNull.Type, devNull.RdevMajor, devNull.RdevMinor));
        Assert.Equal(Libc.SIfIfo, Tree.Stat(Path.Combine(fs, "dev/pipe")).Type);
    }

    [Fact]
    public void Pax_xattrs_are_set_including_binary_capabilities()
    {
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x80, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var tar = new RawTar()
            .Pax(("SCHILY.xattr.security.capability", capability), ("SCHILY.xattr.user.origin", "layer"u8.ToArray()))
            .Entry("newuidmap", '0', "elf"u8.ToArray(), mode: 0b111_101_101)
            .Build();
        var fs = _root.Sub("fs");

        LayerUnpacker.Unpack(new MemoryStream(tar), fs, WhiteoutMode.Overlay);

        Assert.Equal(capability, Xattrs.Get(Path.Combine(fs, "newuidmap"), "security.capability"));
        Assert.Equal("layer"u8.ToArray(), Xattrs.Get(Path.Combine(fs, "newuidmap"), "user.origin"));
    }

    [Fact]
    public void A_layer_cannot_forge_overlay_xattrs()
    {
        var fs = Unpack(new LayerBuilder().Add(new PaxTarEntry(TarEntryType.Directory, "d",
            new Dictionary<string, string> { ["SCHILY.xattr.trusted.overlay.opaque"] = "y", ["SCHILY.xattr.trusted.overlay.redirect"] = "/etc" })
        { Mode = LayerBuilder.Mode755 }));

        Assert.Null(Xattrs.Get(Path.Combine(fs, "d"), "trusted.overlay.opaque"));
        Assert.Null(Xattrs.Get(Path.Combine(fs, "d"), "trusted.overlay.redirect"));
    }

    [Fact]
    public void A_later_entry_replaces_an_earlier_one_and_a_directory_over_a_directory_merges()
    {
        var fs = Unpack(new LayerBuilder()
            .File("x", "file first").Symlink("x", "now a link")
            .Dir("d").File("d/keep", "kept").Dir("d", (UnixFileMode)0b111_000_000));

        Assert.Equal("now a link", new FileInfo(Path.Combine(fs, "x")).LinkTarget);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(fs, "d/keep")));
        Assert.Equal(0b111_000_000u, Tree.Stat(Path.Combine(fs, "d")).Permissions);
    }

    [Fact]
    public void Missing_parent_directories_are_implied_and_dot_slash_names_are_normalised()
    {
        var fs = Unpack(new LayerBuilder().File("./usr//share/doc/./README", "hi"));

        Assert.Equal("hi", File.ReadAllText(Path.Combine(fs, "usr/share/doc/README")));
        Assert.Equal(0b111_101_101u, Tree.Stat(Path.Combine(fs, "usr/share")).Permissions);
    }
}

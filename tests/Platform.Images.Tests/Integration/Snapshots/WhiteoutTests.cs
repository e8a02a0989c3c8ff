using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Native;
using Platform.Images.Snapshots.Unpacking;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Integration.Snapshots;

public sealed class WhiteoutTests : IDisposable
{
    readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    static void Apply(string fs, LayerBuilder layer, WhiteoutMode mode) =>
        LayerUnpacker.Unpack(new MemoryStream(layer.Tar()), fs, mode);

    static LayerBuilder Lower() => new LayerBuilder()
        .File("keep", "k")
        .Dir("etc").File("etc/passwd", "root").File("etc/group", "wheel")
        .Dir("var").Dir("var/cache").File("var/cache/old", "o").Dir("var/lib").File("var/lib/x", "x");

    /// <summary>Deletes etc/passwd; var is opaque, but this layer's own var/lib/y (written first) and var/new stay.</summary>
    static LayerBuilder Upper() => new LayerBuilder()
        .Whiteout("etc/passwd")
        .Dir("var").Dir("var/lib").File("var/lib/y", "y")
        .Opaque("var")
        .File("var/new", "n");

    [Fact]
    public void Overlay_mode_turns_whiteouts_into_0_0_character_devices_and_opaque_markers_into_an_xattr()
    {
        var fs = _root.Sub("upper");

        Apply(fs, Upper(), WhiteoutMode.Overlay);

        var passwd = Tree.Stat(Path.Combine(fs, "etc/passwd"));
        Assert.Equal((Libc.SIfChr, 0u, 0u), (passwd.Type, passwd.RdevMajor, passwd.RdevMinor));
        Assert.Equal("y"u8.ToArray(), Xattrs.Get(Path.Combine(fs, "var"), Xattrs.OverlayOpaque));
        Assert.Null(Xattrs.Get(Path.Combine(fs, "var/lib"), Xattrs.OverlayOpaque));
        Assert.Equal(["etc/", "etc/passwd (special 2000)", "var/", "var/lib/", "var/lib/y = y", "var/new = n"], Tree.Describe(fs));
    }

    [Fact]
    public void Vfs_mode_deletes_whited_out_paths_and_empties_opaque_directories_of_lower_content()
    {
        var fs = _root.Sub("full");
        Apply(fs, Lower(), WhiteoutMode.Vfs);

        Apply(fs, Upper(), WhiteoutMode.Vfs);

        Assert.Equal(["etc/", "etc/group = wheel", "keep = k", "var/", "var/lib/", "var/lib/y = y", "var/new = n"], Tree.Describe(fs));
    }

    [Fact]
    public void A_whiteout_never_deletes_what_its_own_layer_wrote()
    {
        var overlay = _root.Sub("overlay");
        var vfs = _root.Sub("vfs");
        var layer = new LayerBuilder().File("a", "mine").Whiteout("a");

        Apply(overlay, layer, WhiteoutMode.Overlay);
        Apply(vfs, layer, WhiteoutMode.Vfs);

        Assert.Equal(["a = mine"], Tree.Describe(overlay));
        Assert.Equal(["a = mine"], Tree.Describe(vfs));
    }

    [Fact]
    public void Deleting_a_directory_does_not_follow_symlinks_inside_it()
    {
        var outside = _root.Sub("outside");
        File.WriteAllText(Path.Combine(outside, "sentinel"), "untouched");
        var fs = _root.Sub("full");
        Apply(fs, new LayerBuilder().Dir("d").Symlink("d/out", outside).Dir("o").Symlink("o/out", outside), WhiteoutMode.Vfs);

        Apply(fs, new LayerBuilder().Whiteout("d").Opaque("o"), WhiteoutMode.Vfs);

        Assert.Equal(["o/"], Tree.Describe(fs));
        Assert.Equal("untouched", File.ReadAllText(Path.Combine(outside, "sentinel")));
    }

    [Theory]
    [InlineData(".wh.")]
    [InlineData("etc/.wh..")]
    [InlineData(".wh...")]
    public void Malformed_whiteouts_are_refused(string name)
    {
        var fs = _root.Sub("fs");

        Assert.Throws<LayerFormatException>(() => Apply(fs, new LayerBuilder().File(name, ""), WhiteoutMode.Overlay));
    }
}

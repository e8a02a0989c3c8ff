using System.Diagnostics;
using System.Formats.Tar;
using Platform.Images.Snapshots.Store;
using Platform.Images.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Images.Tests.Integration.Snapshots;

/// <summary>
/// A real base image: Debian's static busybox and its applet links as one layer, unpacked and run through chroot on
/// an overlay mount. Needs the busybox-static package (/bin/busybox).
/// </summary>
public sealed class BusyboxRootfsTests(ITestOutputHelper output) : IDisposable
{
    readonly TempRoot _root = new();

    public void Dispose()
    {
        _root.Dispose();
        Assert.Empty(Mounts.Under(_root.Path));
    }

    static byte[] BusyboxLayer()
    {
        Assert.True(File.Exists("/bin/busybox"), "install Debian's busybox-static (apt-get install busybox-static)");
        var layer = new LayerBuilder();
        foreach (var dir in new[] { "bin", "sbin", "usr", "usr/bin", "usr/sbin", "tmp", "etc" }) layer.Dir(dir);
        layer.File("bin/busybox", File.ReadAllBytes("/bin/busybox"), mode: (UnixFileMode)0b111_101_101);
        var applets = Mounts.Run("/bin/busybox", ["--list-full"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var applet in applets.Where(a => a != "bin/busybox")) layer.Symlink(applet, "/bin/busybox");
        return layer.Tar();
    }

    [Fact]
    public async Task Busybox_runs_in_a_chroot_on_the_overlay_mount()
    {
        var layers = new LayerSource();
        var diffId = layers.Add(BusyboxLayer(), LayerBuilder.Gzip);
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Overlay);
        var (upper, work, merged) = (_root.Sub("c/upper"), _root.Sub("c/work"), _root.Sub("c/merged"));

        var clock = Stopwatch.StartNew();
        var plan = await store.EnsureAsync([diffId], layers.Open);
        output.WriteLine($"busybox layer (gzip, {store.Get(diffId)!.Size} bytes of files): unpacked in {clock.ElapsedMilliseconds} ms");

        Mounts.Overlay(plan.OverlayMountData(upper, work), merged);
        try
        {
            Assert.Equal("ok\n", Mounts.Run("chroot", [merged, "/bin/busybox", "echo", "ok"]));
            Assert.Equal("ok\n", Mounts.Run("chroot", [merged, "/bin/sh", "-c", "echo ok > /tmp/out && cat /tmp/out"]));
        }
        finally
        {
            Mounts.Unmount(merged);
        }
        Assert.True(File.Exists(Path.Combine(upper, "tmp/out")));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("gzip")]
    public async Task A_64_MiB_file_layer_unpacks(string compression)
    {
        var data = new byte[64 << 20];
        new Random(64).NextBytes(data);
        var tar = new LayerBuilder().Dir("data").File("data/blob", data).Tar();
        var layers = new LayerSource();
        var diffId = layers.Add(tar, compression == "gzip" ? LayerBuilder.Gzip : null);
        var store = new SnapshotStore(_root.Sub("host"), SnapshotDrivers.Overlay);

        var clock = Stopwatch.StartNew();
        var plan = await store.EnsureAsync([diffId], layers.Open);
        output.WriteLine($"64 MiB random file layer ({compression}): unpacked in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(data.Length, new FileInfo(Path.Combine(plan.LowerDirs[0], "data/blob")).Length);
        Assert.Equal(64L << 20, store.Get(diffId)!.Size);
    }
}

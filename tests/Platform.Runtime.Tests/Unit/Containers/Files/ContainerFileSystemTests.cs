using Platform.Runtime.Containers.Files.Resolving;

namespace Platform.Runtime.Tests.Unit.Containers.Files;

/// <summary>Paths resolve inside the container's root as the kernel would resolve them there, mounts included.</summary>
public sealed class ContainerFileSystemTests : IDisposable
{
    readonly TempTree _tree = new();

    ContainerFileSystem Open(params FileMount[] mounts) => new(_tree.Dir("rootfs"), mounts, readonlyRootfs: false);

    [Fact]
    public void Absolute_and_dotdot_symlinks_resolve_against_the_container_root_not_the_host()
    {
        _tree.File("rootfs/etc/passwd", "container");
        _tree.Link("rootfs/abs", "/etc");
        _tree.Link("rootfs/climb", "../../../../../../../../etc");
        using var fs = Open();

        Assert.Equal("/etc/passwd", fs.Resolve("/abs/passwd", followLast: true).Path);
        Assert.Equal("/etc/passwd", fs.Resolve("/climb/passwd", followLast: true).Path);
        Assert.Equal("/etc", fs.Resolve("/../../../etc", followLast: true).Path);
        Assert.Equal(9, fs.Stat(fs.Resolve("/climb/passwd", true))!.Value.Size);
    }

    [Fact]
    public void The_last_element_is_followed_only_when_asked()
    {
        _tree.Dir("rootfs/target");
        _tree.Link("rootfs/link", "target");
        using var fs = Open();

        Assert.Equal("/link", fs.Resolve("/link", followLast: false).Path);
        Assert.True(fs.Stat(fs.Resolve("/link", false))!.Value.IsSymlink);
        Assert.Equal("/target", fs.Resolve("/link", followLast: true).Path);
    }

    [Fact]
    public void A_path_under_a_mount_reads_the_mount_source_and_links_there_lead_back_into_the_container()
    {
        _tree.File("volume/data.txt", "in the volume");
        _tree.File("rootfs/etc/hostname", "image");
        _tree.Link("volume/up", "/etc");
        using var fs = Open(new FileMount("/data", _tree.Dir("volume"), true, false));

        var data = fs.Resolve("/data/data.txt", true);
        var up = fs.Resolve("/data/up/hostname", true);

        Assert.Equal("/data", data.Mount.Destination);
        Assert.Equal("data.txt", data.Relative);
        Assert.Equal("/etc/hostname", up.Path);
        Assert.True(up.Mount.IsRoot);
    }

    [Fact]
    public void A_mount_whose_destination_is_a_symlink_in_the_image_lands_where_the_link_leads()
    {
        _tree.Dir("rootfs/run");
        _tree.Link("rootfs/var", "/run");
        using var fs = Open(new FileMount("/var/cache", _tree.Dir("volume"), true, false));

        Assert.Contains(fs.Mounts, m => m.Destination == "/run/cache");
    }

    [Fact]
    public void A_symlink_loop_is_an_error_not_a_hang()
    {
        _tree.Dir("rootfs");
        _tree.Link("rootfs/a", "b");
        _tree.Link("rootfs/b", "a");
        using var fs = Open();

        Assert.ThrowsAny<IOException>(() => fs.Resolve("/a/x", followLast: true));
    }

    public void Dispose() => _tree.Dispose();
}

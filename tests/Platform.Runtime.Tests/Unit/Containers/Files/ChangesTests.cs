using Platform.Runtime.Containers.Files.Changes;
using Platform.Runtime.Volumes.CopyUp;

namespace Platform.Runtime.Tests.Unit.Containers.Files;

/// <summary>docker diff from an overlay upper dir and from a vfs copy: A, D, C as moby lists them, runc's stubs left out.</summary>
public sealed class ChangesTests : IDisposable
{
    readonly TempTree _tree = new();

    void Image(string prefix)
    {
        _tree.File($"{prefix}/etc/group", "root:x:0:");
        _tree.File($"{prefix}/etc/passwd", "root:x:0:0::/root:/bin/sh");
        _tree.Dir($"{prefix}/tmp");
        _tree.Dir($"{prefix}/proc");
    }

    static string Text(List<ContainerChange> changes) => string.Join(" ", changes.Select(c => "CAD"[c.Kind] + c.Path));

    [Fact]
    public void Overlay_upper_dir_gives_added_deleted_and_their_parents_as_modified()
    {
        Image("lower");
        _tree.Dir("upper/tmp");
        _tree.File("upper/tmp/new");
        _tree.Dir("upper/etc");
        FileSyscalls.MakeNode(Path.Combine(_tree.Root, "upper/etc/group"), 0x2000, 0, 0);
        _tree.File("upper/etc/passwd", "changed");
        _tree.File("upper/etc/hosts");  // runc's mount stub
        _tree.Dir("upper/proc");

        var changes = OverlayChanges.Of(Path.Combine(_tree.Root, "upper"), [Path.Combine(_tree.Root, "lower")]);

        Assert.Equal("C/etc D/etc/group C/etc/passwd C/tmp A/tmp/new", Text(changes));
    }

    [Fact]
    public void A_new_directory_and_all_it_holds_are_added()
    {
        Image("lower");
        _tree.File("upper/opt/app/bin/run", "#!/bin/sh");

        var changes = OverlayChanges.Of(Path.Combine(_tree.Root, "upper"), [Path.Combine(_tree.Root, "lower")]);

        Assert.Equal("A/opt A/opt/app A/opt/app/bin A/opt/app/bin/run", Text(changes));
    }

    [Fact]
    public void Vfs_copy_compared_with_the_image_snapshot()
    {
        Image("image");
        CopyTree("image", "rootfs");
        System.IO.File.Delete(Path.Combine(_tree.Root, "rootfs/etc/group"));
        _tree.File("rootfs/tmp/new");
        _tree.File("rootfs/etc/hostname");  // runc's mount stub

        var changes = VfsChanges.Of(Path.Combine(_tree.Root, "rootfs"), Path.Combine(_tree.Root, "image"));

        Assert.Equal("C/etc D/etc/group C/tmp A/tmp/new", Text(changes));
    }

    void CopyTree(string from, string to)
    {
        using var cp = System.Diagnostics.Process.Start("cp", ["-a", Path.Combine(_tree.Root, from), Path.Combine(_tree.Root, to)]);
        cp.WaitForExit();
    }

    public void Dispose() => _tree.Dispose();
}

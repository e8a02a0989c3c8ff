using System.Formats.Tar;
using Platform.Runtime.Containers.Files.Extracting;
using Platform.Runtime.Containers.Files.Resolving;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers.Files;

/// <summary>Unpacking into a container keeps owners, modes and links, and never writes outside the container's root.</summary>
public sealed class TarExtractorTests : IDisposable
{
    readonly TempTree _tree = new();

    string Rootfs => Path.Combine(_tree.Root, "rootfs");

    async Task ExtractAsync(string destination, Action<TarWriter> entries, bool readonlyRootfs = false)
    {
        var archive = new MemoryStream();
        using (var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true)) entries(tar);
        archive.Position = 0;
        using var fs = new ContainerFileSystem(_tree.Dir("rootfs"), [], readonlyRootfs);
        await new TarExtractor(fs, destination, noOverwriteDirNonDir: true, owner: null).ExtractAsync(archive, CancellationToken.None);
    }

    static void File(TarWriter tar, string name, string content, int mode = 0x1A4, int uid = 0)
    {
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), Mode = (UnixFileMode)mode, Uid = uid, Gid = uid,
            ModificationTime = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero),
        });
    }

    static void Link(TarWriter tar, TarEntryType type, string name, string target) =>
        tar.WriteEntry(new PaxTarEntry(type, name) { LinkName = target });

    [Fact]
    public async Task Files_keep_owner_mode_and_time_and_missing_parents_are_made()
    {
        _tree.Dir("rootfs/tmp");

        await ExtractAsync("/tmp", tar => File(tar, "deep/er/file.txt", "hello", mode: 0x1ED, uid: 1234));

        var path = Path.Combine(Rootfs, "tmp/deep/er/file.txt");
        var stat = Platform.Runtime.Volumes.CopyUp.FileStatus.Of(path);
        Assert.Equal("hello", await System.IO.File.ReadAllTextAsync(path));
        Assert.Equal((1234u, 1234u, 0x1EDu), (stat.Uid, stat.Gid, stat.Permissions));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), System.IO.File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task A_file_written_through_a_symlink_to_the_root_lands_inside_the_container()
    {
        var name = "pwned-" + Guid.NewGuid().ToString("N");
        _tree.Dir("rootfs/tmp");
        var outside = _tree.Dir("host");

        await ExtractAsync("/tmp", tar =>
        {
            Link(tar, TarEntryType.SymbolicLink, "escape", "/");
            File(tar, $"escape/{outside.TrimStart('/')}/{name}", "x");
        });

        Assert.False(System.IO.File.Exists(Path.Combine(outside, name)));
        Assert.True(System.IO.File.Exists(Path.Combine(Rootfs, outside.TrimStart('/'), name)));
    }

    [Fact]
    public async Task A_symlink_already_in_the_container_pointing_outside_is_resolved_inside()
    {
        var outside = _tree.Dir("host");
        _tree.Dir("rootfs/tmp");
        _tree.Link("rootfs/tmp/out", "../../../../../../../../../" + outside.TrimStart('/'));

        await ExtractAsync("/tmp", tar => File(tar, "out/planted", "x"));

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.True(System.IO.File.Exists(Path.Combine(Rootfs, outside.TrimStart('/'), "planted")));
    }

    [Fact]
    public async Task Entries_and_links_that_climb_out_are_refused_with_nothing_written()
    {
        var secret = _tree.File("secret", "host secret");
        _tree.Dir("rootfs/tmp");

        var climb = await Assert.ThrowsAsync<DockerApiException>(() => ExtractAsync("/tmp", tar => File(tar, "../../x", "x")));
        var hard = await Assert.ThrowsAsync<DockerApiException>(() => ExtractAsync("/tmp", tar => Link(tar, TarEntryType.HardLink, "h", "../../../../secret")));
        var soft = await Assert.ThrowsAsync<DockerApiException>(() => ExtractAsync("/tmp", tar => Link(tar, TarEntryType.SymbolicLink, "s", "../../../secret")));

        Assert.Equal(400, climb.StatusCode);
        Assert.Contains("outside of", hard.Message);
        Assert.Contains("invalid symlink", soft.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Rootfs, "tmp")));
        Assert.Equal(1u, Platform.Runtime.Volumes.CopyUp.FileStatus.Of(secret).Links);
    }

    [Fact]
    public async Task An_absolute_hard_link_target_is_taken_inside_the_extraction_directory()
    {
        _tree.File("rootfs/tmp/etc/shadow", "container shadow");

        await ExtractAsync("/tmp", tar => Link(tar, TarEntryType.HardLink, "copy", "/etc/shadow"));

        Assert.Equal("container shadow", await System.IO.File.ReadAllTextAsync(Path.Combine(Rootfs, "tmp/copy")));
    }

    [Fact]
    public async Task A_directory_is_not_replaced_by_a_file_when_asked_not_to()
    {
        _tree.Dir("rootfs/tmp/dir");

        var error = await Assert.ThrowsAsync<DockerApiException>(() => ExtractAsync("/tmp", tar => File(tar, "dir", "x")));

        Assert.Contains("cannot overwrite directory", error.Message);
        Assert.True(Directory.Exists(Path.Combine(Rootfs, "tmp/dir")));
    }

    [Fact]
    public async Task A_read_only_rootfs_refuses_writes()
    {
        _tree.Dir("rootfs/tmp");

        var error = await Assert.ThrowsAsync<DockerApiException>(() => ExtractAsync("/tmp", tar => File(tar, "x", "x"), readonlyRootfs: true));

        Assert.Equal("container rootfs is marked read-only", error.Message);
    }

    public void Dispose() => _tree.Dispose();
}

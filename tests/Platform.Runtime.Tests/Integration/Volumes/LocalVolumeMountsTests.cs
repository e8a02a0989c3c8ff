using Microsoft.Extensions.Logging.Abstractions;
using Platform.Runtime.Volumes;
using Platform.Runtime.Volumes.Local;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>A tmpfs volume really mounted by the kernel on first use and unmounted after its last user.</summary>
public sealed class LocalVolumeMountsTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("volume-mounts-").FullName;
    readonly LocalVolumeMounts _mounts = new(NullLogger<LocalVolumeMounts>.Instance);

    Volume Tmpfs(string o) => new("scratch", "local", Path.Combine(_dir, "_data"), new Dictionary<string, string>(),
        new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = o }, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_first_user_mounts_and_the_last_one_unmounts()
    {
        var volume = Tmpfs("size=1m,mode=0750,nosuid");
        Directory.CreateDirectory(volume.Mountpoint);

        Assert.Equal(volume.Mountpoint, _mounts.Mount(volume, "c1"));
        _mounts.Mount(volume, "c2");
        var line = MountLine(volume.Mountpoint);
        Assert.NotNull(line);
        Assert.Contains(" - tmpfs tmpfs ", line);
        Assert.Contains("size=1024k", line);
        Assert.Contains("nosuid", line);

        _mounts.Unmount(volume, "c1");
        Assert.NotNull(MountLine(volume.Mountpoint));
        _mounts.Unmount(volume, "c2");
        Assert.Null(MountLine(volume.Mountpoint));
    }

    [Fact]
    public void A_mount_the_kernel_refuses_is_reported_with_the_cause()
    {
        var volume = Tmpfs("size=1m") with
        {
            Options = new Dictionary<string, string> { ["type"] = "nosuchfs", ["device"] = "x" },
        };
        Directory.CreateDirectory(volume.Mountpoint);
        var error = Assert.Throws<VolumeError>(() => _mounts.Mount(volume, "c1"));
        Assert.Equal(500, error.Status);
        Assert.StartsWith("failed to mount local volume: mount x:" + volume.Mountpoint, error.Message);
    }

    [Fact]
    public void A_volume_without_options_is_just_its_directory()
    {
        var plain = Tmpfs("") with { Options = null };
        Assert.Equal(plain.Mountpoint, _mounts.Mount(plain, "c1"));
        Assert.False(MountSyscalls.IsMountPoint(plain.Mountpoint));
    }

    static string? MountLine(string path) =>
        File.ReadLines("/proc/self/mountinfo").FirstOrDefault(l => l.Split(' ')[4] == path);

    public void Dispose()
    {
        if (MountSyscalls.IsMountPoint(Path.Combine(_dir, "_data"))) MountSyscalls.Unmount(Path.Combine(_dir, "_data"));
        Directory.Delete(_dir, recursive: true);
    }
}

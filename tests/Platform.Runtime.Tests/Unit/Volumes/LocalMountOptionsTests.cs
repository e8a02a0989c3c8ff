using Platform.Runtime.Volumes.Api;
using Platform.Runtime.Volumes.Local;

namespace Platform.Runtime.Tests.Unit.Volumes;

public sealed class LocalMountOptionsTests
{
    [Fact]
    public void Flag_words_become_mount_flags_and_the_rest_is_filesystem_data()
    {
        var (flags, propagation, data) = MountFlags.Parse("ro,nosuid,size=64m,nodev,uid=1000,rprivate");
        Assert.Equal(MountFlags.ReadOnly | MountFlags.NoSuid | MountFlags.NoDev, flags);
        Assert.Equal(MountFlags.Private | MountFlags.Recursive, propagation);
        Assert.Equal("size=64m,uid=1000", data);
    }

    [Fact]
    public void A_later_word_clears_an_earlier_one() => Assert.Equal(0UL, MountFlags.Parse("ro,rw").Flags);

    [Fact]
    public void Bind_mounts_are_flags_not_data() => Assert.Equal((MountFlags.Bind, ""), (MountFlags.Parse("bind").Flags, MountFlags.Parse("bind").Data));

    [Theory]
    [InlineData("64m", 64L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("512KiB", 512L << 10)]
    [InlineData("100", 100L)]
    [InlineData("0", 0L)]
    public void Sizes_are_binary_multiples(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Fact]
    public void Only_type_or_device_means_a_mount()
    {
        Assert.False(LocalOptions.NeedsMount(null));
        Assert.False(LocalOptions.NeedsMount(new Dictionary<string, string>()));
        Assert.True(LocalOptions.NeedsMount(new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs" }));
    }

    [Fact]
    public void CreatedAt_is_rfc3339_to_the_second() =>
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$",
            VolumeResponse.Rfc3339(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero)));
}

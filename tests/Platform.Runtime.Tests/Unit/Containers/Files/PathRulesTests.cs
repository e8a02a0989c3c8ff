using Platform.Runtime.Containers.Files;
using Platform.Runtime.Containers.Files.Extracting;
using Platform.Runtime.Containers.Files.Resolving;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers.Files;

/// <summary>moby's naming of archive roots, its tar entry checks, and Go's FileMode bits in the stat header.</summary>
public sealed class PathRulesTests
{
    [Theory]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("etc/", "etc")]
    [InlineData("/etc/.", ".")]
    [InlineData("/", "/")]
    [InlineData("/a/../b", "b")]
    public void The_archive_root_is_named_by_the_base_of_the_requested_path(string path, string name) =>
        Assert.Equal(name, ContainerPaths.BaseName(path));

    [Theory]
    [InlineData("a/b", "a/b")]
    [InlineData("/etc/passwd", "etc/passwd")]
    [InlineData("./x/../y", "y")]
    [InlineData("./", "")]
    public void Entry_names_are_relative_to_the_extraction_directory(string name, string inside) =>
        Assert.Equal(inside, EntryNames.Inside(name, "/tmp"));

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("..")]
    public void Entry_names_that_climb_out_are_refused(string name)
    {
        var error = Assert.Throws<DockerApiException>(() => EntryNames.Inside(name, "/tmp"));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("is outside of \"/tmp\"", error.Message);
    }

    [Fact]
    public void Link_targets_that_climb_out_are_refused_but_absolute_symlinks_stay_the_containers_business()
    {
        EntryNames.CheckSymlink("dir/link", "/", "/tmp");
        EntryNames.CheckSymlink("dir/link", "../sibling", "/tmp");
        Assert.Throws<DockerApiException>(() => EntryNames.CheckSymlink("dir/link", "../../etc", "/tmp"));
        Assert.Throws<DockerApiException>(() => EntryNames.HardLinkTarget("x", "../../etc/shadow", "/tmp"));
        Assert.Equal("etc/shadow", EntryNames.HardLinkTarget("x", "/etc/shadow", "/tmp"));
    }

    [Theory]
    [InlineData(0x41ED, 0x800001EDu)]      // drwxr-xr-x
    [InlineData(0xA1FF, 0x080001FFu)]      // lrwxrwxrwx
    [InlineData(0x81A4, 0x1A4u)]           // -rw-r--r--
    [InlineData(0x43FF, 0x801001FFu)]      // drwxrwxrwt (sticky)
    [InlineData(0x89ED, 0x008001EDu)]      // -rwsr-xr-x (setuid)
    [InlineData(0x2190, 0x04200190u)]      // crw-rw---- (device | char device)
    public void Modes_use_go_file_mode_bits(int unix, uint go) => Assert.Equal(go, GoFileMode.From((uint)unix));

    [Fact]
    public void The_stat_header_is_standard_base64_of_lower_case_json()
    {
        var encoded = new PathStat("f", 12, 0x1A4, "2024-01-02T03:04:05Z", "").Encoded();

        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        Assert.Equal("{\"name\":\"f\",\"size\":12,\"mode\":420,\"mtime\":\"2024-01-02T03:04:05Z\",\"linkTarget\":\"\"}", json);
    }
}

using System.Diagnostics;
using Platform.Runtime.Volumes;
using Platform.Runtime.Volumes.CopyUp;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>Copy-up on the real filesystem (needs root for owners and device nodes, as the runtime has).</summary>
public sealed class CopyUpTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("copy-up-").FullName;
    string Image => Path.Combine(_dir, "rootfs", "var", "lib", "app");
    string Data => Path.Combine(_dir, "volume", "_data");

    public CopyUpTests()
    {
        Directory.CreateDirectory(Path.Combine(Image, "conf"));
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Image, "conf", "app.ini"), "[app]\nport=80\n");
        File.WriteAllText(Path.Combine(Image, "tool"), "#!/bin/sh\n");
        Run("chown", "1000:2000", Path.Combine(Image, "tool"));
        Run("chmod", "4750", Path.Combine(Image, "tool"));
        Run("chown", "33:33", Image);
        Run("chmod", "1770", Image);
        File.CreateSymbolicLink(Path.Combine(Image, "current"), "conf/app.ini");
        Run("ln", Path.Combine(Image, "tool"), Path.Combine(Image, "tool-again"));
        Run("mkfifo", Path.Combine(Image, "pipe"));
        Run("mknod", Path.Combine(Image, "null"), "c", "1", "3");
        Run("python3", "-c", "import os,sys; os.setxattr(sys.argv[1], 'user.origin', b'image')", Path.Combine(Image, "conf", "app.ini"));
        Run("touch", "-h", "-d", "2020-01-02 03:04:05", Path.Combine(Image, "conf", "app.ini"));
    }

    [Fact]
    public async Task An_empty_volume_gets_the_image_directory_as_it_is()
    {
        await VolumeStore.CopyUpAsync(Image, Data);

        Assert.Equal("[app]\nport=80\n", File.ReadAllText(Path.Combine(Data, "conf", "app.ini")));
        Assert.Equal("1000 2000 4750 regular file", Stat(Path.Combine(Data, "tool")));
        Assert.Equal("33 33 1770 directory", Stat(Data));
        Assert.Equal("conf/app.ini", new FileInfo(Path.Combine(Data, "current")).LinkTarget);
        Assert.Equal(FileStatus.Of(Path.Combine(Data, "tool")).Inode, FileStatus.Of(Path.Combine(Data, "tool-again")).Inode);
        Assert.Equal("fifo", Run("stat", "-c", "%F", Path.Combine(Data, "pipe")));
        Assert.Equal("character special file 1,3", Run("stat", "-c", "%F %Hr,%Lr", Path.Combine(Data, "null")));
        Assert.Equal("image", Run("python3", "-c", "import os,sys; print(os.getxattr(sys.argv[1], 'user.origin').decode())", Path.Combine(Data, "conf", "app.ini")));
        Assert.Equal("2020-01-02 03:04:05", Run("date", "-r", Path.Combine(Data, "conf", "app.ini"), "+%F %T"));
    }

    [Fact]
    public async Task A_volume_that_holds_anything_is_left_alone()
    {
        File.WriteAllText(Path.Combine(Data, "mine"), "x");
        await VolumeStore.CopyUpAsync(Image, Data);
        Assert.Equal(["mine"], Directory.EnumerateFileSystemEntries(Data).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_path_the_image_does_not_have_copies_nothing()
    {
        await VolumeStore.CopyUpAsync(Path.Combine(_dir, "rootfs", "nowhere"), Data);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    static string Stat(string path) => Run("stat", "-c", "%u %g %a %F", path);

    static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {error}");
        return output.Trim();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

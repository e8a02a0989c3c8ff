using System.Diagnostics;
using System.Formats.Tar;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// A busybox root filesystem as a tar file, made from Debian's busybox-static (installed if missing): every applet
/// as a link to /bin/busybox, /etc/passwd and /etc/group with root, a user and nobody, /tmp, /root, /home. The
/// base image of the container tests, imported with `docker import`. Built once per process.
/// </summary>
public static class BusyboxRootfs
{
    const string Busybox = "/bin/busybox";
    static readonly SemaphoreSlim Gate = new(1, 1);
    static string? _path;

    public static async Task<string> TarAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_path is not null) return _path;
            await EnsureBusyboxAsync();
            var path = Path.Combine(Path.GetTempPath(), $"platform-busybox-{Environment.ProcessId}.tar");
            await using (var file = System.IO.File.Create(path))
            await using (var tar = new TarWriter(file, TarEntryFormat.Pax))
            {
                foreach (var dir in new[] { "bin", "etc", "root", "home", "tmp", "var", "proc", "sys", "dev" })
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, dir + "/")
                    {
                        Mode = dir == "tmp" ? (UnixFileMode)Convert.ToInt32("1777", 8) : (UnixFileMode)Convert.ToInt32("755", 8),
                        ModificationTime = DateTimeOffset.UnixEpoch,
                    });
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
                {
                    Mode = (UnixFileMode)Convert.ToInt32("755", 8), ModificationTime = DateTimeOffset.UnixEpoch, DataStream = System.IO.File.OpenRead(Busybox),
                });
                foreach (var applet in await AppletsAsync())
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", ModificationTime = DateTimeOffset.UnixEpoch });
                WriteFile(tar, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
                WriteFile(tar, "etc/group", "root:x:0:\nuser:x:1000:\nnogroup:x:65534:\n");
            }
            return _path = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    static void WriteFile(TarWriter tar, string name, string content) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)Convert.ToInt32("644", 8), ModificationTime = DateTimeOffset.UnixEpoch,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });

    static async Task<IReadOnlyList<string>> AppletsAsync()
    {
        var list = await RunAsync(Busybox, "--list");
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(a => a != "busybox").ToList();
    }

    static async Task EnsureBusyboxAsync()
    {
        if (System.IO.File.Exists(Busybox)) return;
        await RunAsync("apt-get", "install", "-y", "-qq", "busybox-static");
        if (!System.IO.File.Exists(Busybox)) throw new InvalidOperationException("busybox-static is not installed and apt-get could not install it");
    }

    static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}

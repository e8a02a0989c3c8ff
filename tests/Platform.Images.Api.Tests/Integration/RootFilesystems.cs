using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>Root filesystem tars for docker import, made here from Debian's busybox-static (installed if missing).</summary>
public static class RootFilesystems
{
    const string BusyboxPath = "/bin/busybox";

    /// <summary>/bin/busybox and a few applet links: a rootfs a container could run "sh" in.</summary>
    public static byte[] Busybox()
    {
        EnsureBusybox();
        return Tar(tar =>
        {
            Directory(tar, "bin/");
            var busybox = new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
            {
                Mode = (UnixFileMode)0b111_101_101,
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = File.OpenRead(BusyboxPath),
            };
            tar.WriteEntry(busybox);
            foreach (var applet in new[] { "sh", "ls", "echo", "cat" })
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", ModificationTime = DateTimeOffset.UnixEpoch });
        });
    }

    /// <summary>A tiny distinct rootfs (one file with <paramref name="content"/>): a layer no other image shares.</summary>
    public static byte[] Tiny(string content) => Tar(tar =>
    {
        Directory(tar, "etc/");
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "etc/marker")
        {
            Mode = (UnixFileMode)0b110_100_100,
            ModificationTime = DateTimeOffset.UnixEpoch,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });
    });

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }

    static byte[] Tar(Action<TarWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true)) write(tar);
        return buffer.ToArray();
    }

    static void Directory(TarWriter tar, string name) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101, ModificationTime = DateTimeOffset.UnixEpoch });

    static void EnsureBusybox()
    {
        if (File.Exists(BusyboxPath)) return;
        Run("apt-get", "install", "-y", "-qq", "busybox-static");
        if (!File.Exists(BusyboxPath)) throw new InvalidOperationException("busybox-static is not installed and apt-get could not install it");
    }

    static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        process.WaitForExit(300_000);
    }
}

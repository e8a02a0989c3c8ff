using System.Formats.Tar;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>The image container scenarios run: Debian's /bin/busybox with a few applets, as a single-layer tarball to import.</summary>
public static class BusyboxImage
{
    /// <summary>Import the image as <paramref name="image"/> (CMD sh), writing the tarball to the scenario's scratch the first time.</summary>
    public static async Task ImportAsync(Engine engine, ScenarioContext context, string image, CancellationToken ct)
    {
        var tarball = Path.Combine(context.Scratch, "busybox.tar");
        if (!File.Exists(tarball)) // engines are prepared one after another
            tarball = await WriteAsync(context.Scratch, ct);
        await Cli.RunAsync(engine, context, ["import", "--change", "CMD [\"sh\"]", tarball, image], ct);
    }

    /// <returns>the tarball's path in <paramref name="directory"/>.</returns>
    public static async Task<string> WriteAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, "busybox.tar");
        await using var file = File.Create(path);
        await using var tar = new TarWriter(file, TarEntryFormat.Pax);
        foreach (var dir in new[] { "bin/", "etc/", "tmp/", "proc/", "sys/", "dev/" })
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, dir) { Mode = (UnixFileMode)0x1ED }, ct);
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox")
            { DataStream = File.OpenRead("/bin/busybox"), Mode = (UnixFileMode)0x1ED }, ct);
        foreach (var applet in new[] { "sh", "true", "echo", "sleep" })
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" }, ct);
        return path;
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Platform.Images.Content;

namespace Platform.Images.Tests.Support;

/// <summary>Builds a layer tar in memory, entry by entry, the way an image builder would emit it (PAX format).</summary>
public sealed class LayerBuilder
{
    static readonly DateTimeOffset DefaultTime = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
    readonly List<TarEntry> _entries = [];

    public const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;
    public const UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;

    public LayerBuilder Dir(string name, UnixFileMode mode = Mode755, int uid = 0, int gid = 0) =>
        Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, Uid = uid, Gid = gid, ModificationTime = DefaultTime });

    public LayerBuilder File(string name, string content, UnixFileMode mode = Mode644, int uid = 0, int gid = 0,
        DateTimeOffset? mtime = null, Dictionary<string, string>? pax = null) =>
        File(name, System.Text.Encoding.UTF8.GetBytes(content), mode, uid, gid, mtime, pax);

    public LayerBuilder File(string name, byte[] content, UnixFileMode mode = Mode644, int uid = 0, int gid = 0,
        DateTimeOffset? mtime = null, Dictionary<string, string>? pax = null) =>
        Add(new PaxTarEntry(TarEntryType.RegularFile, name, pax ?? [])
        {
            Mode = mode, Uid = uid, Gid = gid, ModificationTime = mtime ?? DefaultTime,
            DataStream = new MemoryStream(content),
        });

    public LayerBuilder Symlink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, ModificationTime = DefaultTime });

    public LayerBuilder HardLink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target, ModificationTime = DefaultTime });

    public LayerBuilder CharDevice(string name, int major, int minor) =>
        Add(new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = major, DeviceMinor = minor, Mode = Mode644, ModificationTime = DefaultTime });

    public LayerBuilder Fifo(string name) =>
        Add(new PaxTarEntry(TarEntryType.Fifo, name) { Mode = Mode644, ModificationTime = DefaultTime });

    /// <summary>An OCI whiteout: <c>dir/.wh.name</c> deletes <c>dir/name</c> of the layers below.</summary>
    public LayerBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        return File(slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..], "");
    }

    /// <summary>An opaque marker: <c>dir/.wh..wh..opq</c> hides everything the layers below have in <c>dir</c>.</summary>
    public LayerBuilder Opaque(string dir) => File(dir.TrimEnd('/') + "/.wh..wh..opq", "");

    public LayerBuilder Add(TarEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    public byte[] Tar()
    {
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin);
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    public static Digest DiffIdOf(byte[] tar) => Digest.Of(tar);

    public static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        var output = new byte[(int)ZstdNative.ZSTD_compressBound((nuint)data.Length)];
        var size = ZstdNative.ZSTD_compress(output, (nuint)output.Length, data, (nuint)data.Length, 3);
        return output[..(int)size];
    }

    static class ZstdNative
    {
        [DllImport("libzstd.so.1")]
        public static extern nuint ZSTD_compressBound(nuint size);

        [DllImport("libzstd.so.1")]
        public static extern nuint ZSTD_compress(byte[] dst, nuint capacity, byte[] src, nuint size, int level);
    }
}

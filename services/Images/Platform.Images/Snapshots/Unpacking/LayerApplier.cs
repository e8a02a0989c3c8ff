using System.Buffers;
using System.Formats.Tar;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Unpacking;

/// <summary>Applies entries one by one; whiteouts are in LayerApplier.Whiteouts.cs, attributes in .Attributes.cs.</summary>
internal sealed partial class LayerApplier(LayerTree tree, WhiteoutMode mode)
{
    const string WhiteoutPrefix = ".wh.";
    const string WhiteoutMetaPrefix = ".wh..wh.";
    const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Resolved paths this layer wrote: whiteouts and opaque markers apply only to what lies below it.</summary>
    readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>Directories with something this layer wrote below them (created implicitly or merged).</summary>
    readonly HashSet<string> _writtenBelow = new(StringComparer.Ordinal);

    public long Size { get; private set; }

    public void Apply(TarEntry entry, IReadOnlyDictionary<string, byte[]>? rawXattrs)
    {
        var type = entry.EntryType;
        if (type == TarEntryType.GlobalExtendedAttributes) return;
        if (type == TarEntryType.V7RegularFile && entry.Name.EndsWith('/')) type = TarEntryType.Directory;

        var parts = LayerPath.Normalize(entry.Name, entry.Name);
        if (parts.Length == 0)
        {
            if (type != TarEntryType.Directory) throw new LayerFormatException($"tar entry \"{entry.Name}\" names the root but is not a directory");
            SetAttributes("", entry, type, rawXattrs);
            return;
        }
        if (parts[0].StartsWith(WhiteoutMetaPrefix, StringComparison.Ordinal) && !(parts.Length == 1 && parts[0] == OpaqueMarker))
            return; // AUFS metadata (.wh..wh.plnk, .wh..wh.aufs, ...): never part of the tree

        var name = parts[^1];
        if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            Whiteout(entry, parts.AsSpan(0, parts.Length - 1), name);
            return;
        }

        var parent = tree.ResolveDirectory(parts.AsSpan(0, parts.Length - 1), entry.Name, create: true)!;
        var relative = LayerTree.Combine(parent, name);
        var host = tree.HostPath(relative);
        if (Libc.LStat(host) is { } existing && !(existing.IsDirectory && type == TarEntryType.Directory))
            tree.Remove(relative, existing);

        Create(entry, type, host);
        if (type != TarEntryType.HardLink) SetAttributes(relative, entry, type, rawXattrs);
        MarkWritten(relative);
    }

    void MarkWritten(string relative)
    {
        _written.Add(relative);
        for (var slash = relative.LastIndexOf('/'); slash > 0; slash = relative.LastIndexOf('/', slash - 1))
            if (!_writtenBelow.Add(relative[..slash])) break;
    }

    void Create(TarEntry entry, TarEntryType type, string host)
    {
        switch (type)
        {
            case TarEntryType.Directory:
                if (Libc.LStat(host) is null) Libc.Check(Libc.Mkdir(host, 0b111_000_000 /* 0700 */), "mkdir", host);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                WriteFile(entry, host);
                break;
            case TarEntryType.SymbolicLink:
                if (string.IsNullOrEmpty(entry.LinkName)) throw new LayerFormatException($"symlink \"{entry.Name}\" has no target");
                Libc.Check(Libc.Symlink(entry.LinkName, host), "symlink", host);
                break;
            case TarEntryType.HardLink:
                Libc.Check(Libc.Link(HardLinkTarget(entry), host), "link", host);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                var posix = (PosixTarEntry)entry;
                var kind = type switch
                {
                    TarEntryType.CharacterDevice => Libc.SIfChr,
                    TarEntryType.BlockDevice => Libc.SIfBlk,
                    _ => Libc.SIfIfo,
                };
                var dev = type == TarEntryType.Fifo ? 0 : Libc.MakeDev((uint)posix.DeviceMajor, (uint)posix.DeviceMinor);
                Libc.Check(Libc.Mknod(host, kind | ((uint)entry.Mode & 0xFFFu), dev), "mknod", host);
                break;
            default:
                throw new LayerFormatException($"unsupported tar entry type {type} for \"{entry.Name}\"");
        }
    }

    void WriteFile(TarEntry entry, string host)
    {
        var length = entry.Length;
        using var handle = File.OpenHandle(host, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, length);
        if (entry.DataStream is null || length == 0) return;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0;
            int n;
            while (offset < length && (n = entry.DataStream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - offset))) > 0)
            {
                RandomAccess.Write(handle, buffer.AsSpan(0, n), offset);
                offset += n;
            }
            if (offset != length)
                throw new LayerFormatException($"layer tar is truncated: \"{entry.Name}\" has {offset} of {length} bytes");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Size += length;
    }

    /// <summary>The host path a hard link entry points at: inside the tree, never through a symlink, not a directory.</summary>
    string HardLinkTarget(TarEntry entry)
    {
        string[] parts;
        try { parts = LayerPath.Normalize(entry.LinkName, entry.Name); }
        catch (UnsafeLayerException)
        {
            throw new UnsafeLayerException(entry.Name, $"hard link to \"{entry.LinkName}\" points outside the layer root");
        }
        if (parts.Length == 0) throw new LayerFormatException($"hard link \"{entry.Name}\" points at the root directory");
        var directory = tree.ResolveDirectory(parts.AsSpan(0, parts.Length - 1), entry.Name, create: false)
            ?? throw new LayerFormatException($"hard link \"{entry.Name}\": target \"{entry.LinkName}\" is not in the layer");
        var target = tree.HostPath(LayerTree.Combine(directory, parts[^1]));
        var st = Libc.LStat(target)
            ?? throw new LayerFormatException($"hard link \"{entry.Name}\": target \"{entry.LinkName}\" is not in the layer");
        if (st.IsDirectory) throw new LayerFormatException($"hard link \"{entry.Name}\" points at a directory");
        return target;
    }
}

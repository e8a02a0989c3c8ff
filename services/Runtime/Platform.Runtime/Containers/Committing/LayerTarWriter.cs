using System.Formats.Tar;
using System.Text;

namespace Platform.Runtime.Containers.Committing;

/// <summary>
/// Writes changes as a layer in Docker's format (PAX tar): entries with their mode, owner, mtime, link target and
/// device numbers, hard links as links to the first name written, removed paths as ".wh.&lt;name&gt;" and opaque
/// directories as "&lt;dir&gt;/.wh..wh..opq", xattrs as SCHILY.xattr.* (values PAX can carry as text).
/// </summary>
public sealed class LayerTarWriter(Stream output) : IAsyncDisposable
{
    const string WhiteoutPrefix = ".wh.";
    const string OpaqueMarker = ".wh..wh..opq";

    readonly TarWriter _tar = new(output, TarEntryFormat.Pax, leaveOpen: true);
    readonly Dictionary<(long Device, long Inode), string> _written = [];

    /// <summary>Entries written so far.</summary>
    public int Count { get; private set; }

    public async Task WriteAsync(LayerChange change, CancellationToken ct)
    {
        switch (change)
        {
            case RemovedEntry removed:
                await _tar.WriteEntryAsync(Marker(Sibling(removed.Name, WhiteoutPrefix + Path.GetFileName(removed.Name)), 0, 0, 0), ct);
                break;
            case OpaqueDirectory opaque:
                await _tar.WriteEntryAsync(Marker(opaque.Name + "/" + OpaqueMarker, opaque.Stat.Mode, opaque.Stat.Uid, opaque.Stat.Gid), ct);
                break;
            case ChangedEntry { Stat.Kind: FileKind.Socket }:
                return; // not part of a layer
            case ChangedEntry entry:
                await WriteEntryAsync(entry, ct);
                break;
        }
        Count++;
    }

    async Task WriteEntryAsync(ChangedEntry entry, CancellationToken ct)
    {
        var stat = entry.Stat;
        var xattrs = FileXattrs.Read(entry.Source)
            .Where(x => IsText(x.Value))
            .Select(x => KeyValuePair.Create("SCHILY.xattr." + x.Key, Encoding.UTF8.GetString(x.Value)));
        var hardLink = stat.Kind != FileKind.Directory && stat.Links > 1 && _written.TryGetValue((stat.Device, stat.Inode), out var first) ? first : null;
        var type = hardLink is not null ? TarEntryType.HardLink : TypeOf(stat.Kind);
        var tar = new PaxTarEntry(type, stat.Kind == FileKind.Directory ? entry.Name + "/" : entry.Name, xattrs)
        {
            Mode = (UnixFileMode)stat.Mode, Uid = stat.Uid, Gid = stat.Gid, ModificationTime = stat.ModifiedAt,
        };
        if (hardLink is not null) tar.LinkName = hardLink;
        else if (stat.Kind == FileKind.Symlink) tar.LinkName = new FileInfo(entry.Source).LinkTarget ?? "";
        else if (stat.Kind is FileKind.CharDevice or FileKind.BlockDevice) (tar.DeviceMajor, tar.DeviceMinor) = (stat.RdevMajor, stat.RdevMinor);
        if (stat.Kind != FileKind.Directory && stat.Links > 1) _written.TryAdd((stat.Device, stat.Inode), entry.Name);

        if (type != TarEntryType.RegularFile)
        {
            await _tar.WriteEntryAsync(tar, ct);
            return;
        }
        await using var data = new SizedFile(
            new FileStream(entry.Source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous), stat.Size);
        tar.DataStream = data;
        await _tar.WriteEntryAsync(tar, ct);
    }

    static PaxTarEntry Marker(string name, int mode, int uid, int gid) =>
        new(TarEntryType.RegularFile, name) { Mode = (UnixFileMode)(mode & 0x1ff), Uid = uid, Gid = gid, ModificationTime = DateTimeOffset.UnixEpoch };

    static string Sibling(string name, string fileName) =>
        Path.GetDirectoryName(name) is { Length: > 0 } parent ? parent + "/" + fileName : fileName;

    static TarEntryType TypeOf(FileKind kind) => kind switch
    {
        FileKind.Directory => TarEntryType.Directory,
        FileKind.Symlink => TarEntryType.SymbolicLink,
        FileKind.CharDevice => TarEntryType.CharacterDevice,
        FileKind.BlockDevice => TarEntryType.BlockDevice,
        FileKind.Fifo => TarEntryType.Fifo,
        _ => TarEntryType.RegularFile,
    };

    static bool IsText(byte[] value)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(value);
            return !value.Contains((byte)0);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Ends the archive; with no entries that is still a tar (two zero blocks, Docker's empty layer).</summary>
    public async ValueTask DisposeAsync()
    {
        await _tar.DisposeAsync(); // writes the end blocks only after an entry
        if (Count == 0) await output.WriteAsync(new byte[1024]);
    }
}

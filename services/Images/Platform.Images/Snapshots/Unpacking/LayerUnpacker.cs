using System.Formats.Tar;

namespace Platform.Images.Snapshots.Unpacking;

/// <summary>How whiteouts (<c>.wh.name</c>, <c>.wh..wh..opq</c>) are represented in the unpacked tree.</summary>
public enum WhiteoutMode
{
    /// <summary>
    /// The tree is one overlay layer: <c>.wh.name</c> becomes a 0/0 character device <c>name</c> and an opaque marker
    /// sets <c>trusted.overlay.opaque=y</c> on its directory. The markers themselves are not written.
    /// </summary>
    Overlay,

    /// <summary>
    /// The tree already holds the parent's full content: <c>.wh.name</c> deletes <c>name</c>, an opaque marker deletes
    /// every child of its directory that this layer did not itself write.
    /// </summary>
    Vfs,
}

/// <summary>What an unpack wrote: <see cref="Size"/> is the bytes of file content in the layer (moby's layer size).</summary>
public sealed record LayerUnpackResult(long Size, int Entries);

/// <summary>
/// Applies one layer tar onto a directory, the way an OCI changeset is applied: an entry replaces what is at its path,
/// except that a directory over a directory only takes the new attributes. Mode (setuid included), numeric owner,
/// mtime, <c>SCHILY.xattr.*</c>, device nodes and fifos are kept. Nothing is written outside the directory: see
/// <see cref="UnsafeLayerException"/>. On error the directory is left half-applied: unpack into a directory that is
/// published only on success (the snapshot store does).
/// </summary>
public static class LayerUnpacker
{
    public static LayerUnpackResult Unpack(Stream tar, string directory, WhiteoutMode mode, CancellationToken ct = default)
    {
        var applier = new LayerApplier(new LayerTree(directory), mode);
        var tap = new PaxXattrTap(tar);
        using var reader = new TarReader(tap, leaveOpen: true);
        var entries = 0;
        string? last = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            TarEntry? entry;
            try
            {
                entry = reader.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException
                                          or ArgumentException or OverflowException)
            {
                throw Corrupt(e, entries, last);
            }
            if (entry is null) break;
            last = entry.Name;
            try
            {
                applier.Apply(entry, tap.Current);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                throw Corrupt(e, entries, last);
            }
            entries++;
        }
        applier.Finish();
        return new LayerUnpackResult(applier.Size, entries);
    }

    static LayerFormatException Corrupt(Exception e, int entries, string? last)
    {
        var where = last is null ? "at its start" : $"after {entries} entries (last \"{last}\")";
        return new LayerFormatException($"layer tar is corrupt or truncated {where}: {e.Message}", e);
    }
}

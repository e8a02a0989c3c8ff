using System.Formats.Tar;
using System.Text;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Unpacking;

internal sealed partial class LayerApplier
{
    const string PaxXattrPrefix = "SCHILY.xattr.";

    /// <summary>Directory mtimes are set last: creating children would change them again.</summary>
    readonly List<(string Host, DateTimeOffset Mtime)> _directoryTimes = [];

    /// <summary>Owner first (chown clears setuid/setgid), then xattrs, then mode, then times.</summary>
    void SetAttributes(string relative, TarEntry entry, TarEntryType type, IReadOnlyDictionary<string, byte[]>? rawXattrs)
    {
        var host = tree.HostPath(relative);
        var symlink = type == TarEntryType.SymbolicLink;
        Libc.Check(Libc.LChown(host, (uint)entry.Uid, (uint)entry.Gid), "lchown", host);
        foreach (var (name, value) in XattrsOf(entry, rawXattrs))
        {
            if (symlink && name.StartsWith("user.", StringComparison.Ordinal)) continue; // the kernel refuses user.* on links
            Xattrs.Set(host, name, value);
        }
        if (!symlink) Libc.Check(Libc.Chmod(host, (uint)entry.Mode & 0xFFFu), "chmod", host);
        if (type == TarEntryType.Directory) _directoryTimes.Add((host, entry.ModificationTime));
        else Libc.SetTimes(host, entry.ModificationTime, entry.ModificationTime);
    }

    /// <summary>
    /// The entry's <c>SCHILY.xattr.*</c> records, with the raw bytes the tap saw when they agree with TarReader's
    /// (UTF-8-decoded) strings. Overlay's own xattrs are dropped: a layer must not forge opaque dirs or redirects.
    /// </summary>
    static IEnumerable<(string Name, byte[] Value)> XattrsOf(TarEntry entry, IReadOnlyDictionary<string, byte[]>? raw)
    {
        if (entry is not PaxTarEntry pax) yield break;
        var records = pax.ExtendedAttributes.Where(kv => kv.Key.StartsWith(PaxXattrPrefix, StringComparison.Ordinal)).ToList();
        if (records.Count == 0) yield break;
        var useRaw = raw is not null && raw.Count == records.Count &&
                     records.All(kv => raw.TryGetValue(kv.Key, out var bytes) && Encoding.UTF8.GetString(bytes) == kv.Value);
        foreach (var (key, value) in records)
        {
            var name = key[PaxXattrPrefix.Length..];
            if (name.StartsWith("trusted.overlay.", StringComparison.Ordinal) || name.StartsWith("user.overlay.", StringComparison.Ordinal))
                continue;
            yield return (name, useRaw ? raw![key] : Encoding.UTF8.GetBytes(value));
        }
    }

    public void Finish()
    {
        foreach (var (host, mtime) in _directoryTimes) Libc.SetTimes(host, mtime, mtime);
    }
}

using System.Runtime.InteropServices;
using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>
/// The directory whose files pin sandbox namespaces (bind mounts of nsfs). Like `ip netns`, it is made a mount point
/// of its own with shared propagation, once, so the pins propagate to mount namespaces cloned later.
/// </summary>
internal sealed class NetnsDirectory(string path)
{
    const long NsfsMagic = 0x6e736673;
    readonly Lazy<string> _prepared = new(() => Prepare(path));

    public string Path => path;

    /// <summary>The pin file of a sandbox, with the directory ready for it.</summary>
    public string PinOf(string sandboxId)
    {
        if (sandboxId.Length == 0 || sandboxId.Contains('/') || sandboxId is "." or "..")
            throw new ArgumentException($"'{sandboxId}' cannot name a sandbox", nameof(sandboxId));
        return System.IO.Path.Combine(_prepared.Value, sandboxId);
    }

    public IReadOnlyList<string> List() => Directory.Exists(path)
        ? Directory.EnumerateFiles(path).Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>True when <paramref name="file"/> has a namespace mounted on it.</summary>
    public static bool IsPinned(string file)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Libc.StatFs(file, buffer) == 0 && MemoryMarshal.Read<long>(buffer) == NsfsMagic;
    }

    static string Prepare(string directory)
    {
        Directory.CreateDirectory(directory);
        if (Libc.Mount(null, directory, null, Libc.MsShared | Libc.MsRec, null) == 0) return directory;
        if (Libc.Errno != Errno.EINVAL) throw new SystemCallException("mount --make-rshared", directory, Libc.Errno);
        Libc.Check(Libc.Mount(directory, directory, null, Libc.MsBind | Libc.MsRec, null), "mount --rbind", directory);
        Libc.Check(Libc.Mount(null, directory, null, Libc.MsShared | Libc.MsRec, null), "mount --make-rshared", directory);
        return directory;
    }
}

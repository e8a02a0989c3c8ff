namespace Platform.Runtime.Volumes.Local;

/// <summary>
/// Splits a mount(8)-style option string ("ro,nosuid,size=64m,uid=1000") into mount(2) flags and the data string
/// the filesystem parses: known flag words become bits, everything else is passed through in order.
/// </summary>
public static class MountFlags
{
    public const ulong ReadOnly = 0x1, NoSuid = 0x2, NoDev = 0x4, NoExec = 0x8, Synchronous = 0x10, Remount = 0x20,
        Mandatory = 0x40, DirSync = 0x80, NoAtime = 0x400, NoDirAtime = 0x800, Bind = 0x1000, Recursive = 0x4000,
        Unbindable = 0x20000, Private = 0x40000, Slave = 0x80000, Shared = 0x100000, RelAtime = 0x200000,
        StrictAtime = 0x1000000;

    static readonly Dictionary<string, (bool Clear, ulong Flag)> Words = new(StringComparer.Ordinal)
    {
        ["defaults"] = (false, 0), ["ro"] = (false, ReadOnly), ["rw"] = (true, ReadOnly),
        ["suid"] = (true, NoSuid), ["nosuid"] = (false, NoSuid), ["dev"] = (true, NoDev), ["nodev"] = (false, NoDev),
        ["exec"] = (true, NoExec), ["noexec"] = (false, NoExec), ["sync"] = (false, Synchronous),
        ["async"] = (true, Synchronous), ["dirsync"] = (false, DirSync), ["remount"] = (false, Remount),
        ["mand"] = (false, Mandatory), ["nomand"] = (true, Mandatory), ["atime"] = (true, NoAtime),
        ["noatime"] = (false, NoAtime), ["diratime"] = (true, NoDirAtime), ["nodiratime"] = (false, NoDirAtime),
        ["bind"] = (false, Bind), ["rbind"] = (false, Bind | Recursive), ["relatime"] = (false, RelAtime),
        ["norelatime"] = (true, RelAtime), ["strictatime"] = (false, StrictAtime), ["nostrictatime"] = (true, StrictAtime),
    };

    /// <summary>Propagation words need a second mount(2) call after the mount itself.</summary>
    static readonly Dictionary<string, ulong> Propagation = new(StringComparer.Ordinal)
    {
        ["private"] = Private, ["rprivate"] = Private | Recursive, ["shared"] = Shared, ["rshared"] = Shared | Recursive,
        ["slave"] = Slave, ["rslave"] = Slave | Recursive, ["unbindable"] = Unbindable, ["runbindable"] = Unbindable | Recursive,
    };

    public static (ulong Flags, ulong Propagation, string Data) Parse(string? options)
    {
        ulong flags = 0, propagation = 0;
        var data = new List<string>();
        foreach (var word in (options ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Words.TryGetValue(word, out var f)) flags = f.Clear ? flags & ~f.Flag : flags | f.Flag;
            else if (Propagation.TryGetValue(word, out var p)) propagation |= p;
            else data.Add(word);
        }
        return (flags, propagation, string.Join(',', data));
    }
}

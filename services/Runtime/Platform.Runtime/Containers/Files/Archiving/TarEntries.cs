using System.Formats.Tar;
using Platform.Runtime.Containers.Files.Native;

namespace Platform.Runtime.Containers.Files.Archiving;

/// <summary>Tar headers from file status, in PAX (long names, big ids), with the owner, mode and time the file has.</summary>
static class TarEntries
{
    public static PaxTarEntry Header(EntryStat stat, string name)
    {
        var type = stat.Type switch
        {
            EntryStat.Directory => TarEntryType.Directory,
            EntryStat.Symlink => TarEntryType.SymbolicLink,
            EntryStat.CharDevice => TarEntryType.CharacterDevice,
            EntryStat.BlockDevice => TarEntryType.BlockDevice,
            EntryStat.Fifo => TarEntryType.Fifo,
            _ => TarEntryType.RegularFile,
        };
        var entry = new PaxTarEntry(type, name)
        {
            Mode = (UnixFileMode)stat.Permissions,
            Uid = (int)stat.Uid,
            Gid = (int)stat.Gid,
            ModificationTime = stat.ModifyTime,
        };
        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            entry.DeviceMajor = (int)stat.RdevMajor;
            entry.DeviceMinor = (int)stat.RdevMinor;
        }
        return entry;
    }

    public static PaxTarEntry Link(EntryStat stat, string name, string target)
    {
        var entry = new PaxTarEntry(TarEntryType.HardLink, name)
        {
            Mode = (UnixFileMode)stat.Permissions, Uid = (int)stat.Uid, Gid = (int)stat.Gid, ModificationTime = stat.ModifyTime,
        };
        entry.LinkName = target;
        return entry;
    }
}

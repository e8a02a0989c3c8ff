using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Containers.Files.Native;
using static Platform.Runtime.Containers.Files.Native.FileCalls;

namespace Platform.Runtime.Containers.Files.Extracting;

/// <summary>os.RemoveAll relative to an open directory: descends through handles, never through a symlink.</summary>
static class TreeRemover
{
    public static void Remove(SafeFileHandle parent, string name, EntryStat stat)
    {
        if (stat.IsDirectory)
        {
            using var directory = OpenAt(parent, name, O_PATH | O_DIRECTORY);
            foreach (var child in List(directory))
                if (EntryStat.Find(directory, child) is { } childStat) Remove(directory, child, childStat);
        }
        Unlink(parent, name, stat.IsDirectory);
    }
}

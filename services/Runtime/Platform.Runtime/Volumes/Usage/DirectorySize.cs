using Platform.Runtime.Volumes.CopyUp;

namespace Platform.Runtime.Volumes.Usage;

/// <summary>Bytes of everything below a directory, each hard-linked file counted once; -1 when it cannot be read.</summary>
public static class DirectorySize
{
    public static long Measure(string directory)
    {
        try
        {
            var seen = new HashSet<(ulong, ulong)>();
            long total = 0;
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", options))
            {
                var status = FileStatus.Of(path);
                if (status.Type == FileStatus.Directory) continue;
                if (status.Links > 1 && !seen.Add((status.Device, status.Inode))) continue;
                total += status.Size;
            }
            return total;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}

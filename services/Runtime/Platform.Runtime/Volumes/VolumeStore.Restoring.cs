using System.Text.Json;
using Platform.Runtime.Journal;

namespace Platform.Runtime.Volumes;

public sealed partial class VolumeStore
{
    static VolumeSet Replay(RuntimeJournal journal, VolumeSet state)
    {
        foreach (var entry in journal.ReadAfter(0))
        {
            state = entry.Type switch
            {
                VolumeCreated.Type => state.Apply(JsonSerializer.Deserialize(entry.Data, VolumeJournalJson.Default.VolumeCreated)!),
                VolumeRemoved.Type => state.Apply(JsonSerializer.Deserialize(entry.Data, VolumeJournalJson.Default.VolumeRemoved)!),
                _ => state,
            };
        }
        return state;
    }

    /// <summary>
    /// At startup: every journaled volume has its directory again, and directories the journal does not know are
    /// deleted when they are leftovers (a removal cut short, or an empty one from a crash between mkdir and the
    /// journal append); one that holds data is kept and reported, never destroyed on a guess.
    /// </summary>
    public int Reconcile()
    {
        var state = _state;
        Directory.CreateDirectory(state.Directory);
        foreach (var volume in state.Volumes.Values) Directory.CreateDirectory(volume.Mountpoint);
        var stray = 0;
        foreach (var directory in Directory.EnumerateDirectories(state.Directory))
        {
            var name = Path.GetFileName(directory);
            if (state.Volumes.ContainsKey(name)) continue;
            var data = Path.Combine(directory, "_data");
            if (!name.StartsWith(".removing-", StringComparison.Ordinal) && Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
            {
                _logger.LogWarning("Keeping {Directory}: no volume of that name in the journal, but it holds data", directory);
                continue;
            }
            _logger.LogInformation("Deleting {Directory}: no volume of that name in the journal", directory);
            DeleteTree(directory);
            stray++;
        }
        return stray;
    }

    /// <summary>Renames a removed volume's directory out of the way (a dot name no volume can have), so deleting it can happen outside the lock.</summary>
    static string? MoveAside(string root)
    {
        if (!Directory.Exists(root)) return null;
        var trash = Path.Combine(Path.GetDirectoryName(root)!, $".removing-{Path.GetFileName(root)}-{Guid.NewGuid():N}");
        Directory.Move(root, trash);
        return trash;
    }

    void DeleteTree(string directory)
    {
        try
        {
            if (Local.MountSyscalls.IsMountPoint(Path.Combine(directory, "_data"))) Local.MountSyscalls.Unmount(Path.Combine(directory, "_data"));
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not delete {Directory}: {Error}", directory, ex.Message);
        }
    }
}

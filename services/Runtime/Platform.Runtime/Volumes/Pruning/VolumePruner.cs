using Platform.Runtime.Volumes.Api;
using Platform.Runtime.Volumes.Usage;

namespace Platform.Runtime.Volumes.Pruning;

/// <summary>
/// Removes unused local volumes, as API ≥ 1.42 does: only anonymous ones unless the filter says all=true; never a
/// volume a container references, nor one with mount options (its data is not on this disk). One prune at a time.
/// </summary>
public sealed class VolumePruner(VolumeStore store, ILogger<VolumePruner> logger)
{
    int _running;

    public async Task<VolumePruneResponse> PruneAsync(DockerFilters filters, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) throw VolumeError.Conflict("a prune operation is already running");
        try
        {
            if (!All(filters)) filters.Add("label", Volume.AnonymousLabel);
            var matches = VolumeFilters.Predicate(filters, store.Usage);
            var deleted = new List<string>();
            long reclaimed = 0;
            foreach (var volume in store.List().Where(v => v.Driver == VolumeDecisions.LocalDriver && !v.HasMountOptions && !store.Usage.IsInUse(v.Name) && matches(v)))
            {
                var size = DirectorySize.Measure(volume.Mountpoint);
                try { await store.RemoveAsync(volume.Name, force: false, ct); }
                catch (VolumeError e)
                {
                    logger.LogInformation("Prune kept volume {Volume}: {Reason}", volume.Name, e.Message);
                    continue;
                }
                deleted.Add(volume.Name);
                reclaimed += Math.Max(size, 0);
            }
            return new VolumePruneResponse(deleted, reclaimed);
        }
        finally { Volatile.Write(ref _running, 0); }
    }

    static bool All(DockerFilters filters)
    {
        var all = filters.Get("all");
        if (all.Count > 1) throw VolumeError.InvalidParameter($"invalid filter 'all=[{string.Join(" ", all)}]': only one value is expected");
        if (all.Count == 0) return false;
        return all[0] switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            var other => throw VolumeError.InvalidParameter($"invalid filter 'all': strconv.ParseBool: parsing \"{other}\": invalid syntax"),
        };
    }
}

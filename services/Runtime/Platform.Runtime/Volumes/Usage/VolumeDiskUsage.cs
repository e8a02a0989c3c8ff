using Platform.Runtime.Volumes.Api;

namespace Platform.Runtime.Volumes.Usage;

/// <summary>
/// The Volumes part of GET /system/df: every local volume without mount options, with UsageData (size on disk and
/// how many containers reference it). Sizes are measured now, so this walks every volume's tree.
/// </summary>
public sealed class VolumeDiskUsage(VolumeStore store)
{
    public Task<IReadOnlyList<VolumeResponse>> MeasureAsync(CancellationToken ct) => Task.Run<IReadOnlyList<VolumeResponse>>(() =>
        [.. store.List()
            .Where(v => v.Driver == VolumeDecisions.LocalDriver && !v.HasMountOptions)
            .Select(v => VolumeResponse.From(v) with
            {
                UsageData = new VolumeUsageData(DirectorySize.Measure(v.Mountpoint), store.Usage.UsersOf(v.Name).Count),
            })], ct);
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace Platform.Runtime.Volumes.Api;

/// <summary>
/// Docker's Volume JSON. CreatedAt is RFC 3339 to the second with the host's offset ("Z" in UTC); Labels is always
/// an object; Options is null when none were given; Status is never sent; UsageData only for /system/df.
/// </summary>
public sealed record VolumeResponse(
    string CreatedAt,
    string Driver,
    IReadOnlyDictionary<string, string> Labels,
    string Mountpoint,
    string Name,
    IReadOnlyDictionary<string, string>? Options,
    string Scope)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VolumeUsageData? UsageData { get; init; }

    public static VolumeResponse From(Volume v) =>
        new(Rfc3339(v.CreatedAt), v.Driver, v.Labels, v.Mountpoint, v.Name, v.Options, "local");

    public static string Rfc3339(DateTimeOffset at)
    {
        var local = at.ToLocalTime();
        var offset = local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset;
    }
}

/// <summary>Size is -1 when it could not be measured, as Docker reports it.</summary>
public sealed record VolumeUsageData(long Size, long RefCount);

public sealed record VolumeListResponse(IReadOnlyList<VolumeResponse> Volumes, IReadOnlyList<string> Warnings);

public sealed record VolumePruneResponse(IReadOnlyList<string> VolumesDeleted, long SpaceReclaimed);

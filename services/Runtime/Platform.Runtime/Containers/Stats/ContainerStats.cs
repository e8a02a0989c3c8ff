using System.Text.Json.Serialization;

namespace Platform.Runtime.Containers.Stats;

/// <summary>
/// One object of GET /containers/{id}/stats, as moby writes container.StatsResponse for cgroup v1 (snake_case names,
/// Go's omitempty kept where clients see the difference). Networks join when networking reports per-interface counters.
/// </summary>
public sealed record ContainerStats(
    string Name, string Id, string Read, string Preread, PidsStats PidsStats, BlkioStats BlkioStats, uint NumProcs,
    StorageStats StorageStats, CpuStats CpuStats, CpuStats PrecpuStats, MemoryStats MemoryStats);

public sealed record PidsStats(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong Current,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong Limit);

/// <summary>Only io_service_bytes_recursive is read on cgroup v1; the other lists are null as moby leaves them.</summary>
public sealed record BlkioStats(IReadOnlyList<BlkioStatEntry>? IoServiceBytesRecursive)
{
    public IReadOnlyList<BlkioStatEntry>? IoServicedRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? IoQueueRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? IoServiceTimeRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? IoWaitTimeRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? IoMergedRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? IoTimeRecursive => null;
    public IReadOnlyList<BlkioStatEntry>? SectorsRecursive => null;
}

public sealed record BlkioStatEntry(ulong Major, ulong Minor, string Op, ulong Value);

/// <summary>Windows-only fields in moby, all omitempty: an empty object on Linux.</summary>
public sealed record StorageStats;

public sealed record CpuStats(
    CpuUsage CpuUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong SystemCpuUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] uint OnlineCpus,
    ThrottlingData ThrottlingData);

public sealed record CpuUsage(
    ulong TotalUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ulong>? PercpuUsage,
    ulong UsageInKernelmode, ulong UsageInUsermode);

public sealed record ThrottlingData(ulong Periods, ulong ThrottledPeriods, ulong ThrottledTime);

public sealed record MemoryStats(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong Usage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong MaxUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, ulong>? Stats,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong Limit);

/// <summary>Docker's stats names (snake_case); memory_stats.stats keeps the cgroup's own keys.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ContainerStats))]
public sealed partial class StatsJson : JsonSerializerContext;

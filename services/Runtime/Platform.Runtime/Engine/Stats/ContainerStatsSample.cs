namespace Platform.Runtime.Engine;

/// <summary>One reading of a container's cgroups, in the units Docker's stats JSON uses (bytes, nanoseconds).</summary>
public sealed record ContainerStatsSample(DateTimeOffset Read, MemorySample Memory, CpuSample Cpu, PidsSample Pids,
    IReadOnlyList<BlkioEntry> IoServiceBytesRecursive);

/// <summary>Limit is the cgroup limit, or the host's memory when unlimited (as Docker reports it).</summary>
public sealed record MemorySample(ulong Usage, ulong MaxUsage, ulong Limit, IReadOnlyDictionary<string, ulong> Stats);

public sealed record CpuSample(ulong TotalUsage, IReadOnlyList<ulong> PercpuUsage, ulong UsageInUsermode,
    ulong UsageInKernelmode, ulong SystemCpuUsage, uint OnlineCpus);

/// <summary>Limit 0 = unlimited.</summary>
public sealed record PidsSample(ulong Current, ulong Limit);

public sealed record BlkioEntry(ulong Major, ulong Minor, string Op, ulong Value);

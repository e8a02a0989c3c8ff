using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Stats;

/// <summary>
/// Readings → Docker's stats object: precpu_stats and preread are the previous reading's (zeros and the zero time for
/// the first), and a container that is not running gets the all-zero object moby sends.
/// </summary>
public static class StatsDocument
{
    static readonly ThrottlingData NoThrottling = new(0, 0, 0);
    static readonly CpuStats NoCpu = new(new CpuUsage(0, null, 0, 0), 0, 0, NoThrottling);

    public static ContainerStats Zero(Container c) =>
        new(c.Name, c.Id, DockerTimestamps.Json(default), DockerTimestamps.Json(default), new PidsStats(0, 0),
            new BlkioStats(null), 0, new StorageStats(), NoCpu, NoCpu, new MemoryStats(0, 0, null, 0));

    public static ContainerStats From(Container c, StatsReading current, StatsReading? previous)
    {
        var s = current.Sample;
        var memory = s.Memory;
        return new ContainerStats(c.Name, c.Id, DockerTimestamps.Json(s.Read),
            DockerTimestamps.Json(previous?.Sample.Read ?? default),
            new PidsStats(s.Pids.Current, s.Pids.Limit),
            new BlkioStats([.. s.IoServiceBytesRecursive.Select(b => new BlkioStatEntry(b.Major, b.Minor, b.Op, b.Value))]),
            0, new StorageStats(), Cpu(current), previous is null ? NoCpu : Cpu(previous),
            new MemoryStats(memory.Usage, memory.MaxUsage, memory.Stats.Count == 0 ? null : memory.Stats, memory.Limit));
    }

    static CpuStats Cpu(StatsReading reading)
    {
        var cpu = reading.Sample.Cpu;
        return new CpuStats(
            new CpuUsage(cpu.TotalUsage, cpu.PercpuUsage.Count == 0 ? null : cpu.PercpuUsage, cpu.UsageInKernelmode, cpu.UsageInUsermode),
            cpu.SystemCpuUsage, cpu.OnlineCpus, reading.Throttling);
    }
}

using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Stats;

/// <summary>One sample of a container's cgroups and its CPU throttling counters, taken together.</summary>
public sealed record StatsReading(ContainerStatsSample Sample, ThrottlingData Throttling);

/// <summary>Takes readings from the engine's cgroup sample plus cpu.stat of the cpu controller (nr_periods, …).</summary>
public sealed class StatsSampler(ContainerEngine engine)
{
    const string CpuController = "/sys/fs/cgroup/cpu";

    public StatsReading Read(string id) => new(engine.ReadStats(id), Throttling(id));

    ThrottlingData Throttling(string id)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(CpuController + engine.Settings.CgroupsPath(id) + "/cpu.stat"))
                if (line.Split(' ') is [var key, var text] && ulong.TryParse(text, out var value)) values[key] = value;
        }
        catch (IOException)
        {
        }
        return new ThrottlingData(values.GetValueOrDefault("nr_periods"), values.GetValueOrDefault("nr_throttled"),
            values.GetValueOrDefault("throttled_time"));
    }
}

using System.Text.Json;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Stats;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Unit.Containers.Stats;

/// <summary>Cgroup readings become Docker's stats JSON: the names clients read, the previous sample as precpu.</summary>
public sealed class StatsDocumentTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    static readonly Container Web = new("c0ffee", "/web", T0, "sha256:1", new ContainerConfig(), new HostConfig(), "sleep", ["300"],
        new RootfsPlan("overlay", [], null), []);

    static StatsReading Reading(DateTimeOffset at, ulong cpuTotal, ulong systemCpu, ulong memory) => new(
        new ContainerStatsSample(at,
            new MemorySample(memory, memory * 2, 64 << 20, new Dictionary<string, ulong> { ["total_inactive_file"] = 4096, ["cache"] = 8192 }),
            new CpuSample(cpuTotal, [cpuTotal - 10, 10], 30, 70, systemCpu, 2),
            new PidsSample(3, 100),
            [new BlkioEntry(8, 0, "Read", 512), new BlkioEntry(8, 0, "Write", 1024)]),
        new ThrottlingData(5, 1, 900));

    static JsonElement Json(ContainerStats stats) =>
        JsonDocument.Parse(JsonSerializer.Serialize(stats, StatsJson.Default.ContainerStats)).RootElement;

    [Fact]
    public void A_container_that_is_not_running_gets_moby_s_zeroed_object()
    {
        var cpu = """{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}}""";
        var expected = """
            {"name":"/web","id":"c0ffee","read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z","pids_stats":{},
            "blkio_stats":{"io_service_bytes_recursive":null,"io_serviced_recursive":null,"io_queue_recursive":null,
            "io_service_time_recursive":null,"io_wait_time_recursive":null,"io_merged_recursive":null,"io_time_recursive":null,
            "sectors_recursive":null},"num_procs":0,"storage_stats":{},"cpu_stats":CPU,"precpu_stats":CPU,"memory_stats":{}}
            """.Replace("\n", "").Replace("CPU", cpu);

        Assert.Equal(expected, JsonSerializer.Serialize(StatsDocument.Zero(Web), StatsJson.Default.ContainerStats));
    }

    [Fact]
    public void The_first_sample_carries_the_cgroup_counters_and_a_zero_precpu()
    {
        var json = Json(StatsDocument.From(Web, Reading(T0.AddTicks(1234567), 5_000, 90_000, 10_000), previous: null));

        Assert.Equal("2026-01-02T03:04:05.1234567Z", json.GetProperty("read").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", json.GetProperty("preread").GetString());
        var cpu = json.GetProperty("cpu_stats");
        Assert.Equal(5_000UL, cpu.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.Equal([4_990UL, 10UL], cpu.GetProperty("cpu_usage").GetProperty("percpu_usage").EnumerateArray().Select(e => e.GetUInt64()));
        Assert.Equal((70UL, 30UL), (cpu.GetProperty("cpu_usage").GetProperty("usage_in_kernelmode").GetUInt64(),
            cpu.GetProperty("cpu_usage").GetProperty("usage_in_usermode").GetUInt64()));
        Assert.Equal((90_000UL, 2U), (cpu.GetProperty("system_cpu_usage").GetUInt64(), cpu.GetProperty("online_cpus").GetUInt32()));
        Assert.Equal(900UL, cpu.GetProperty("throttling_data").GetProperty("throttled_time").GetUInt64());
        Assert.Equal(0UL, json.GetProperty("precpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.False(json.GetProperty("precpu_stats").TryGetProperty("system_cpu_usage", out _));
        var memory = json.GetProperty("memory_stats");
        Assert.Equal((10_000UL, 20_000UL, 64UL << 20), (memory.GetProperty("usage").GetUInt64(),
            memory.GetProperty("max_usage").GetUInt64(), memory.GetProperty("limit").GetUInt64()));
        Assert.Equal(4096UL, memory.GetProperty("stats").GetProperty("total_inactive_file").GetUInt64());
        Assert.Equal((3UL, 100UL), (json.GetProperty("pids_stats").GetProperty("current").GetUInt64(),
            json.GetProperty("pids_stats").GetProperty("limit").GetUInt64()));
        var io = json.GetProperty("blkio_stats").GetProperty("io_service_bytes_recursive").EnumerateArray().ToList();
        Assert.Equal(["8:0 Read 512", "8:0 Write 1024"], io.Select(e =>
            $"{e.GetProperty("major").GetUInt64()}:{e.GetProperty("minor").GetUInt64()} {e.GetProperty("op").GetString()} {e.GetProperty("value").GetUInt64()}"));
        Assert.Equal(("/web", "c0ffee"), (json.GetProperty("name").GetString(), json.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_next_sample_carries_the_previous_one_as_precpu_so_the_cli_computes_cpu_percent()
    {
        var first = Reading(T0, 1_000_000, 10_000_000, 10_000);
        var second = Reading(T0.AddSeconds(1), 1_500_000, 12_000_000, 10_000);

        var json = Json(StatsDocument.From(Web, second, first));

        Assert.Equal("2026-01-02T03:04:05Z", json.GetProperty("preread").GetString());
        // docker stats (cgroup v1): (Δtotal_usage / Δsystem_cpu_usage) × online_cpus × 100
        var (cpu, pre) = (json.GetProperty("cpu_stats"), json.GetProperty("precpu_stats"));
        var cpuDelta = cpu.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64() - pre.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64();
        var systemDelta = cpu.GetProperty("system_cpu_usage").GetUInt64() - pre.GetProperty("system_cpu_usage").GetUInt64();
        Assert.Equal(50.0, (double)cpuDelta / systemDelta * cpu.GetProperty("online_cpus").GetUInt32() * 100, 3);
    }
}

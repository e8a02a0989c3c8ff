using System.Runtime.InteropServices;

namespace Platform.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
public sealed record Machine(string Cpu, int Cores, string Kernel, string Os, double MemoryGiB, string DotNet,
    string DockerCli, string? Hyperfine, DateTimeOffset StartedAt, string LoadAtStart)
{
    public static async Task<Machine> DescribeAsync(Tools tools, CancellationToken ct)
    {
        var cpu = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?";
        var os = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"') ?? "?";
        var memKib = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new Machine(cpu, Environment.ProcessorCount, File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), os,
            Math.Round(double.Parse(memKib ?? "0") / 1024 / 1024, 1), RuntimeInformation.FrameworkDescription,
            await VersionOf(tools.DockerCli, ct) ?? "missing", tools.Hyperfine is { } h ? await VersionOf(h, ct) : null,
            DateTimeOffset.Now, LoadAverage());
    }

    public override string ToString() =>
        $"""
        machine:  {Cpu}, {Cores} cores, {MemoryGiB} GiB, kernel {Kernel}, {Os}
        tools:    {DotNet}; {DockerCli}; {Hyperfine ?? "hyperfine not used (in-process timing)"}
        started:  {StartedAt:yyyy-MM-dd HH:mm:ss zzz}, load average {LoadAtStart}{(Busy(LoadAtStart, Cores) ? " (busy: expect noise)" : "")}
        """;

    /// <summary>1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static bool Busy(string loadAverage, int cores) =>
        double.TryParse(loadAverage.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) && load > cores * 0.75;

    static async Task<string?> VersionOf(string tool, CancellationToken ct)
    {
        try
        {
            var (code, stdout, _) = await Scenarios.Cli.ExecAsync(tool, ["--version"], new Dictionary<string, string?>(), ct);
            return code == 0 ? stdout.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    static IEnumerable<string> Lines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

using System.Globalization;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Reporting;

/// <summary>
/// The plain-text table: one row per scenario metric, one column per engine, then platform/peer
/// ratios (below 1 means the platform is faster or smaller).
/// </summary>
public static class TableReport
{
    public static void Write(TextWriter output, Results results, IReadOnlyList<Engine> engines)
    {
        var columns = Options.AllEngines.Select(n => engines.FirstOrDefault(e => e.Name == n)).ToList();
        var platform = columns[0];
        string[] header = ["scenario", "metric", .. Options.AllEngines, "platform/dockerd", "platform/podman"];
        var rows = new List<string[]> { header };
        var approximate = false;
        foreach (var row in results.Measurements.GroupBy(m => (m.Scenario, m.Metric, m.Unit)))
        {
            var cells = columns.Select(engine => engine is null ? null : row.FirstOrDefault(m => m.Engine == engine.Name)).ToList();
            approximate |= cells.Any(c => c?.Approximate == true);
            rows.Add(
            [
                row.Key.Scenario, $"{row.Key.Metric} ({row.Key.Unit})",
                .. columns.Select((engine, i) => cells[i] is { } m ? Number(m.Value, m.Unit) + (m.Approximate ? "*" : "") : Missing(engine, row.Key.Scenario, results)),
                Ratio(cells[0], cells[1]), Ratio(cells[0], cells[2]),
            ]);
        }
        foreach (var failed in results.Failures.Select(f => f.Scenario).Distinct().Where(s => results.Measurements.All(m => m.Scenario != s)))
            rows.Add([failed, "(no result)", .. columns.Select(e => Missing(e, failed, results)), "-", "-"]);

        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
            if (index == 0)
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        output.WriteLine();
        if (approximate)
            output.WriteLine("* fewer samples than the percentile needs (p90: 10, p99: 100); the value is close to the maximum.");
        if (platform is { IsRunning: false })
            output.WriteLine($"platform: not running at {platform.Endpoint.DockerHost} ({platform.Problem})");
        foreach (var failure in results.Failures)
            output.WriteLine($"error: {failure.Scenario} on {failure.Engine}: {failure.Reason}");
        WriteProcesses(output, results);
    }

    static void WriteProcesses(TextWriter output, Results results)
    {
        foreach (var (engine, processes) in results.Processes.OrderBy(p => Array.IndexOf(Options.AllEngines, p.Key)))
        {
            output.WriteLine($"{engine} processes at idle:  {"pid",7}  {"rss MiB",8}  {"pss MiB",8}  {"uss MiB",8}");
            foreach (var p in processes)
                output.WriteLine($"  {p.Name,-30}  {p.Pid,7}  {p.RssMiB,8:0.0}  {p.PssMiB,8:0.0}  {p.UssMiB,8:0.0}");
        }
    }

    static string Missing(Engine? engine, string scenario, Results results) => engine switch
    {
        null => "-",
        { State: EngineState.NotRunning } => "not running",
        { State: EngineState.Failed } => "failed",
        _ when results.Failures.Any(f => f.Scenario == scenario && f.Engine == engine.Name) => "error",
        _ => "-",
    };

    static string Ratio(Measurement? platform, Measurement? peer) =>
        platform is null || peer is null || peer.Value == 0 ? "-" : Number(platform.Value / peer.Value) + "x";

    public static string Number(double value, string unit = "") => value.ToString(
        unit == "count" || Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : Math.Abs(value) >= 1 ? "0.00" : "0.000",
        CultureInfo.InvariantCulture);
}

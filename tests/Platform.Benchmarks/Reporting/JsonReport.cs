using System.Text.Json;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Reporting;

/// <summary>The same results as the table, plus every sample, for tracking over time.</summary>
public static class JsonReport
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(string path, Machine machine, IReadOnlyList<Engine> engines, Results results, bool interrupted, string loadAtEnd)
    {
        var report = new
        {
            machine,
            loadAtEnd,
            interrupted,
            engines = engines.Select(e => new { e.Name, host = e.Endpoint.DockerHost, state = e.State.ToString(), e.Problem, e.Version }),
            rows = results.Measurements.GroupBy(m => (m.Scenario, m.Metric, m.Unit)).Select(row => new
            {
                row.Key.Scenario, row.Key.Metric, row.Key.Unit,
                values = row.ToDictionary(m => m.Engine, m => m.Value),
                approximate = row.Where(m => m.Approximate).Select(m => m.Engine),
                ratios = Options.AllEngines.Skip(1).ToDictionary(peer => "platform/" + peer, peer => Ratio(row, peer)),
            }),
            series = results.Series,
            results.Failures,
            processes = results.Processes,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));
    }

    static double? Ratio(IEnumerable<Measurement> row, string peer)
    {
        double? Value(string engine) => row.FirstOrDefault(m => m.Engine == engine)?.Value;
        return Value("platform") is { } p && Value(peer) is { } q && q != 0 ? p / q : null;
    }
}

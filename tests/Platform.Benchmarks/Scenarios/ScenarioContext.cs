using Platform.Benchmarks.Engines;
using Platform.Benchmarks.Reporting;

namespace Platform.Benchmarks.Scenarios;

/// <summary>What a scenario gets from the harness: tools, a scratch directory, the round, and where results go.</summary>
public sealed class ScenarioContext(Options options, Tools tools, string scratch, Results results, IScenario scenario)
{
    readonly Dictionary<(string Engine, string Metric, string Unit), (List<double> Samples, int[] Percentiles)> distributions = [];

    public Options Options => options;
    public Tools Tools => tools;
    /// <summary>A directory private to this scenario (deleted with the temp root).</summary>
    public string Scratch { get; } = Directory.CreateDirectory(Path.Combine(scratch, scenario.Name)).FullName;
    /// <summary>0 ≤ Round &lt; <see cref="IScenario.Rounds"/>.</summary>
    public int Round { get; internal set; }
    public bool FirstRound => Round == 0;

    /// <summary>This round's share of <paramref name="total"/> (the first round takes the remainder).</summary>
    public int Share(int total) => total / scenario.Rounds + (FirstRound ? total % scenario.Rounds : 0);

    /// <summary>One number, lower is better.</summary>
    public void Record(Engine engine, string metric, string unit, double value) =>
        results.Add(new Measurement(scenario.Name, metric, unit, engine.Name, value));

    /// <summary>Samples of a distribution; added to those of earlier rounds. One table row per percentile.</summary>
    public void Record(Engine engine, string metric, string unit, IEnumerable<double> samples, params int[] percentiles)
    {
        lock (distributions)
        {
            if (!distributions.TryGetValue((engine.Name, metric, unit), out var series))
                distributions[(engine.Name, metric, unit)] = series = ([], percentiles);
            series.Samples.AddRange(samples);
        }
    }

    /// <summary>Processes behind a memory figure, listed under the table.</summary>
    public void RecordProcesses(Engine engine, IReadOnlyList<ProcessSample> processes) =>
        results.Processes[engine.Name] = processes;

    /// <summary>After the last round: turn the distributions into table rows.</summary>
    internal void Complete()
    {
        // Rows in the order metrics were first recorded, engines within a row in any order.
        foreach (var ((engine, metric, unit), (samples, percentiles)) in distributions)
        {
            if (samples.Count == 0)
                continue;
            var series = new Series(scenario.Name, metric, unit, engine, samples);
            results.Add(series);
            foreach (var p in percentiles)
                results.Add(new Measurement(scenario.Name, $"{metric} {(p == 50 ? "median" : "p" + p)}", unit, engine,
                    series.Summary.Percentile(p), Approximate: samples.Count < MinimumSamples(p)));
        }
        distributions.Clear();
    }

    // A percentile is only meaningful with enough samples beyond it: p90 needs 10, p99 needs 100.
    static int MinimumSamples(int percentile) => percentile >= 99 ? 100 : percentile >= 90 ? 10 : 1;
}

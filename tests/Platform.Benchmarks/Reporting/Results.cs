using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Reporting;

/// <summary>One cell of the table: a scenario's metric on one engine. Lower is better.</summary>
public sealed record Measurement(string Scenario, string Metric, string Unit, string Engine, double Value,
    bool Approximate = false);

/// <summary>The samples behind a distribution's percentile rows, in the order they were taken.</summary>
public sealed record Series(string Scenario, string Metric, string Unit, string Engine, IReadOnlyList<double> Samples)
{
    public Summary Summary { get; } = Summary.Of(Samples);
}

/// <summary>A scenario that could not run on an engine, and why.</summary>
public sealed record Failure(string Scenario, string Engine, string Reason);

/// <summary>Everything one run measured.</summary>
public sealed class Results
{
    readonly List<Measurement> measurements = [];
    readonly List<Failure> failures = [];
    readonly List<Series> series = [];

    public IReadOnlyList<Measurement> Measurements => measurements;
    public IReadOnlyList<Failure> Failures => failures;
    public IReadOnlyList<Series> Series => series;
    public Dictionary<string, IReadOnlyList<ProcessSample>> Processes { get; } = [];

    public void Add(Measurement measurement)
    {
        lock (measurements)
            measurements.Add(measurement);
    }

    public void Add(Series samples)
    {
        lock (series)
            series.Add(samples);
    }

    public void Fail(string scenario, string engine, string reason)
    {
        lock (failures)
            failures.Add(new Failure(scenario, engine, reason));
    }
}

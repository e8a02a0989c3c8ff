using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// One benchmark. The harness runs it on every running engine in the same run and records what it
/// measures through the context. A new scenario is one class implementing this, plus one line in
/// <see cref="ScenarioCatalog"/>.
/// </summary>
public interface IScenario
{
    string Name { get; }
    string Description { get; }

    /// <summary>
    /// <see cref="RunAsync"/> is called this many times per engine, engines taking turns (round-robin,
    /// the starting engine rotating), so background load drifting during the run hits every engine
    /// alike; each call does 1/Rounds of the work and the samples of a metric add up across rounds.
    /// </summary>
    int Rounds => 1;

    /// <summary>Untimed setup on one engine (load an image, create a network), before any engine is measured.</summary>
    Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Warm up, then measure on one engine (round <see cref="ScenarioContext.Round"/>); report through the context.</summary>
    Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct);

    /// <summary>Untimed cleanup on one engine, after every engine was measured.</summary>
    Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct) => Task.CompletedTask;
}

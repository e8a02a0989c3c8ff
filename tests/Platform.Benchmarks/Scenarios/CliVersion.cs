using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>What a user feels first: the real CLI's <c>docker version</c> (ping, API negotiation, /version).</summary>
public sealed class CliVersion : IScenario
{
    const int Warmups = 3, Runs = 20;

    public string Name => "cli-version";
    public string Description => $"wall time of `docker version` (real CLI, DOCKER_HOST at the engine), {Runs} runs after {Warmups} warmups";
    public int Rounds => 2;

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct) =>
        context.Record(engine, "wall", "ms",
            await Cli.TimeAsync(engine, context, ["version"], context.FirstRound ? Warmups : 1, context.Share(Runs), ct), 50, 90);
}

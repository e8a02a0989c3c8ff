using System.Diagnostics;
using Docker.DotNet;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Create → running at the API, as a client library (Testcontainers) does it: Docker.DotNet's
/// POST /containers/create then POST /containers/{id}/start, one container after the other, each left running
/// (`sleep 300`, no network) until the round ends; the clock runs from just before create to start's return.
/// </summary>
public sealed class CreateStartLatency : IScenario
{
    const int Containers = 200, Warmups = 3;
    const string Image = "platform-bench/busybox:create-start";

    public string Name => "create-start-latency";
    public string Description =>
        $"Docker.DotNet create + start of `sleep 300` (network none), {Containers} sequentially, left running until the round ends; p50/p99";
    public int Rounds => 2;

    public Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct) =>
        BusyboxImage.ImportAsync(engine, context, Image, ct);

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        using var configuration = new DockerClientConfiguration(new Uri(engine.Endpoint.DockerHost));
        using var client = configuration.CreateClient();
        var samples = new List<double>();
        try
        {
            for (var i = context.FirstRound ? -Warmups : 0; i < context.Share(Containers); i++)
            {
                var start = Stopwatch.GetTimestamp();
                await SleepingContainers.CreateAsync(client, Name, Image, start: true, ct);
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (i >= 0)
                    samples.Add(elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            await SleepingContainers.RemoveAllAsync(engine, context, Name);
        }
        context.Record(engine, "create + start", "ms", samples, 50, 99);
    }

    public async Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await SleepingContainers.RemoveAllAsync(engine, context, Name);
        try { await Cli.RunAsync(engine, context, ["rmi", Image], ct); } catch (InvalidOperationException) { }
    }
}

using System.Diagnostics;
using Docker.DotNet;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary><c>GET /info</c> through Docker.DotNet, the client Testcontainers uses; a slow engine gets fewer runs.</summary>
public sealed class ApiInfo : IScenario
{
    const int Warmups = 2, MaxRuns = 100, MinRuns = 6;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    public string Name => "api-info";
    public string Description => $"GET /info via Docker.DotNet System.GetSystemInfoAsync, up to {MaxRuns} runs or {Budget.TotalSeconds:0}s";
    public int Rounds => 3;

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        using var configuration = new DockerClientConfiguration(new Uri(engine.Endpoint.DockerHost));
        using var client = configuration.CreateClient();
        var samples = new List<double>();
        var budget = Stopwatch.StartNew();
        int runs = context.Share(MaxRuns), minRuns = context.Share(MinRuns), warmups = context.FirstRound ? Warmups : 1;
        for (var i = -warmups; i < runs && (i < minRuns || budget.Elapsed < Budget / Rounds); i++)
        {
            var start = Stopwatch.GetTimestamp();
            var info = await client.System.GetSystemInfoAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (string.IsNullOrEmpty(info.ServerVersion))
                throw new InvalidOperationException("GET /info returned no ServerVersion");
            if (i >= 0)
                samples.Add(elapsed.TotalMilliseconds);
        }
        context.Record(engine, "GET /info", "ms", samples, 50, 90, 99);
    }
}

using Docker.DotNet;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Listing a busy engine through the real CLI: with 200 `sleep 300` containers present (100 running, 100 only
/// created; half of each labelled), `docker ps`, `docker ps -a`, and a filtered `docker ps -a` that matches 50
/// (the labelled ones still in "created"). Containers are made through the API, untimed, then all removed.
/// </summary>
public sealed class ContainerList : IScenario
{
    const int Containers = 200, Running = 100, Concurrency = 4, Warmups = 3, Runs = 20;
    const string Image = "platform-bench/busybox:ps", Half = "platform-bench.half";
    static readonly string[] Filtered = ["ps", "-a", "--filter", $"label={Half}", "--filter", "status=created"];

    public string Name => "ps";
    public string Description =>
        $"`docker ps`, `docker ps -a`, `docker ps -a --filter label=… --filter status=created` (50 match) with {Containers} containers ({Running} running), median of {Runs}";

    public Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct) =>
        BusyboxImage.ImportAsync(engine, context, Image, ct);

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        try
        {
            using (var configuration = new DockerClientConfiguration(new Uri(engine.Endpoint.DockerHost)))
            using (var client = configuration.CreateClient())
                await Parallel.ForEachAsync(Enumerable.Range(0, Containers), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
                    async (i, ct) => await SleepingContainers.CreateAsync(client, Name, Image, start: i < Running, ct,
                        i % 2 == 0 ? [(Half, "1")] : []));
            await ExpectAsync(engine, context, ["ps"], Running, atLeast: true, ct);
            await ExpectAsync(engine, context, ["ps", "-a"], Containers, atLeast: true, ct);
            await ExpectAsync(engine, context, Filtered, (Containers - Running) / 2, atLeast: false, ct);

            (string Metric, string[] Args)[] commands = [("ps", ["ps"]), ("ps -a", ["ps", "-a"]), ("ps -a, 2 filters", Filtered)];
            foreach (var (metric, args) in commands)
                context.Record(engine, metric, "ms", await Cli.TimeAsync(engine, context, args, Warmups, Runs, ct), 50);
        }
        finally
        {
            await SleepingContainers.RemoveAllAsync(engine, context, Name);
        }
    }

    public async Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await SleepingContainers.RemoveAllAsync(engine, context, Name);
        try { await Cli.RunAsync(engine, context, ["rmi", Image], ct); } catch (InvalidOperationException) { }
    }

    /// <summary>Each engine must list the same containers, or the times compare different work (the platform may hold others too).</summary>
    static async Task ExpectAsync(Engine engine, ScenarioContext context, string[] args, int expected, bool atLeast, CancellationToken ct)
    {
        var listed = (await Cli.RunAsync(engine, context, [.. args, "-q"], ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        if (atLeast ? listed < expected : listed != expected)
            throw new InvalidOperationException($"`docker {string.Join(' ', args)}` listed {listed} containers, expected {(atLeast ? "at least " : "")}{expected}");
    }
}

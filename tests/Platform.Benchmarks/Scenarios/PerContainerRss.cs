using Docker.DotNet;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// What an engine adds per running container: RSS and PSS summed over its processes, idle and then with 20
/// `sleep 300` containers running (no network). The sums count the engine's own processes and the helper it keeps
/// per container (dockerd: containerd-shim-runc-v2; podman and the platform: conmon), but not the containers'
/// own processes, which are the same on every engine (see <see cref="Engine.Processes(IReadOnlyCollection{string})"/>).
/// PSS splits each shared page among all its users, so 20 more processes mapping libc can lower the service's share:
/// for a small helper (conmon) the PSS per container can come out near zero or slightly negative; RSS is the upper bound
/// (it counts libc's pages again in every helper). USS, the pages no other process maps, is what each container's
/// helper costs the machine.
/// </summary>
public sealed class PerContainerRss : IScenario
{
    const int Containers = 20, Samples = 5;
    const string Image = "platform-bench/busybox:rss";
    // Long enough for every engine to be idle again after the starts: the platform's services trim their heaps after
    // 10 s without work, as dockerd's runtime returns freed memory over time; measured sooner, a start's garbage counts.
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(12), Interval = TimeSpan.FromMilliseconds(400);

    public string Name => "per-container-rss";
    public string Description =>
        $"RSS and PSS of the engine's processes and per-container shims/conmons (not the containers' own), idle and with {Containers} `sleep 300` running; (with − idle) / {Containers}";

    public Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct) =>
        BusyboxImage.ImportAsync(engine, context, Image, ct);

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        using var configuration = new DockerClientConfiguration(new Uri(engine.Endpoint.DockerHost));
        using var client = configuration.CreateClient();
        try
        {
            var idle = await MeasureAsync(engine, [], ct);
            var ids = new List<string>();
            for (var i = 0; i < Containers; i++)
                ids.Add(await SleepingContainers.CreateAsync(client, Name, Image, start: true, ct));
            var loaded = await MeasureAsync(engine, ids, ct);
            if (loaded.Helpers < Containers)
                Console.Error.WriteLine($"  {engine.Name}: found a helper process (shim, conmon) for only {loaded.Helpers} of {Containers} containers");

            context.Record(engine, "rss idle", "MiB", idle.Rss);
            context.Record(engine, $"rss with {Containers}", "MiB", loaded.Rss);
            context.Record(engine, "rss per container", "MiB", (loaded.Rss - idle.Rss) / Containers);
            context.Record(engine, "pss idle", "MiB", idle.Pss);
            context.Record(engine, $"pss with {Containers}", "MiB", loaded.Pss);
            context.Record(engine, "pss per container", "MiB", (loaded.Pss - idle.Pss) / Containers);
            context.Record(engine, "uss per container", "MiB", (loaded.Uss - idle.Uss) / Containers);
            context.Record(engine, "helper uss per container", "MiB", loaded.HelperUss / Containers);
            context.Record(engine, $"processes with {Containers}", "count", loaded.Count);
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

    /// <summary>
    /// Medians of a few samples, after a moment to settle; how many containers have a helper naming them, and the USS
    /// of those helpers alone (what each container costs apart from the engine's own processes).
    /// </summary>
    static async Task<(double Rss, double Pss, double Uss, double Count, int Helpers, double HelperUss)> MeasureAsync(Engine engine, IReadOnlyCollection<string> ids,
        CancellationToken ct)
    {
        await Task.Delay(Settle, ct);
        List<double> rss = [], pss = [], uss = [], count = [];
        IReadOnlyList<ProcessSample> processes = [];
        for (var i = 0; i < Samples; i++)
        {
            if (i > 0)
                await Task.Delay(Interval, ct);
            processes = engine.Processes(ids);
            if (processes.Count == 0)
                throw new InvalidOperationException("none of its processes is visible from here");
            rss.Add(processes.Sum(p => p.RssMiB));
            pss.Add(processes.Sum(p => p.PssMiB));
            uss.Add(processes.Sum(p => p.UssMiB));
            count.Add(processes.Count);
        }
        bool Names(ProcessSample p, string id) => p.CommandLine.Split(' ').Contains(id);
        var helpers = ids.Count(id => processes.Any(p => Names(p, id)));
        var helperUss = processes.Where(p => ids.Any(id => Names(p, id))).Sum(p => p.UssMiB);
        return (Median(rss), Median(pss), Median(uss), Median(count), helpers, helperUss);
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

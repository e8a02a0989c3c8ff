using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Memory of an engine doing nothing: the sum over its processes (dockerd + containerd; the podman
/// service; every Platform.* service), median of a few samples. RSS counts shared pages once per
/// process; PSS splits them, so it is the fairer sum. "Per-host services" leaves out what a fleet runs once for all
/// its hosts (the platform's registry and events; the gateway may be either, it is counted per host here).
/// </summary>
public sealed class IdleRss : IScenario
{
    const int Samples = 5;
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromMilliseconds(400);

    public string Name => "idle-rss";
    public string Description => "RSS and PSS of the engine's processes at idle (summed; processes listed under the table)";

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await Task.Delay(Settle, ct);
        List<double> rss = [], pss = [], uss = [], hostRss = [], hostPss = [], count = [];
        IReadOnlyList<ProcessSample> processes = [];
        for (var i = 0; i < Samples; i++)
        {
            if (i > 0)
                await Task.Delay(Interval, ct);
            processes = engine.Processes();
            if (processes.Count == 0)
                throw new InvalidOperationException("none of its processes is visible from here");
            rss.Add(processes.Sum(p => p.RssMiB));
            pss.Add(processes.Sum(p => p.PssMiB));
            uss.Add(processes.Sum(p => p.UssMiB));
            var perHost = processes.Where(p => engine.IsPerHost(p)).ToList();
            hostRss.Add(perHost.Sum(p => p.RssMiB));
            hostPss.Add(perHost.Sum(p => p.PssMiB));
            count.Add(processes.Count);
        }
        context.Record(engine, "rss total", "MiB", Median(rss));
        context.Record(engine, "pss total", "MiB", Median(pss));
        context.Record(engine, "uss total", "MiB", Median(uss));
        context.Record(engine, "rss per-host services", "MiB", Median(hostRss));
        context.Record(engine, "pss per-host services", "MiB", Median(hostPss));
        context.Record(engine, "processes", "count", Median(count));
        context.RecordProcesses(engine, processes);
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// The container hot path as a user feels it: `docker run --rm --network none busybox true` through the real CLI
/// (create, attach, wait, start, exit, auto-remove), on a busybox image imported from Debian's busybox-static; with
/// <paramref name="bridge"/>, on the default bridge network (a namespace, a veth and an address per run).
/// Also the floor of the CLI itself (`docker version` is measured by cli-version).
/// </summary>
public sealed class RunRm(bool bridge = false) : IScenario
{
    const int Warmups = 3, Runs = 20;
    string Image => bridge ? "platform-bench/busybox:run-bridge" : "platform-bench/busybox:run";
    string[] Network => bridge ? [] : ["--network", "none"];
    string _rootfs = "";
    int _prepared;

    public string Name => bridge ? "run-rm-bridge" : "run-rm";
    public string Description => $"wall time of `docker run --rm {(bridge ? "" : "--network none ")}busybox true` (real CLI), median of {Runs} runs after {Warmups} warmups";
    public int Rounds => 2;

    public async Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _prepared) == 1) _rootfs = await BusyboxImage.WriteAsync(context.Scratch, ct);
        await Cli.RunAsync(engine, context, ["import", "--change", "CMD [\"sh\"]", _rootfs, Image], ct);
    }

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await RunPhaseBreakdown.BeginAsync(engine, context, ct);
        context.Record(engine, "run --rm true", "ms",
            await Cli.TimeAsync(engine, context, ["run", "--rm", .. Network, Image, "true"],
                context.FirstRound ? Warmups : 1, context.Share(Runs), ct), 50, 90);
        await RunPhaseBreakdown.EndAsync(engine, context, Rounds, ct);
    }

    public async Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        try { await Cli.RunAsync(engine, context, ["rmi", Image], ct); } catch (InvalidOperationException) { }
        Interlocked.Decrement(ref _prepared);
    }
}

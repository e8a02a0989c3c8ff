using System.Diagnostics;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// A burst, as a CI job or compose up makes one: 20 `docker run -d busybox sleep 300` through the real CLI at once
/// (20 concurrent CLI processes), from the launch of the first to the exit of the last; then one `docker rm -f` of
/// all 20. With <paramref name="bridge"/>, on the default bridge network (a namespace, a veth and an address each).
/// </summary>
public sealed class ParallelRun(bool bridge = false) : IScenario
{
    const int Containers = 20;
    string Image => bridge ? "platform-bench/busybox:parallel-bridge" : "platform-bench/busybox:parallel";
    string[] Network => bridge ? [] : ["--network", "none"];

    public string Name => bridge ? "parallel-run-bridge" : "parallel-run";
    public string Description =>
        $"{Containers} concurrent `docker run -d {(bridge ? "" : "--network none ")}busybox sleep 300` (real CLI), first launch to last exit; then one `docker rm -f` of all, per round";
    public int Rounds => 7; // a burst is over in well under a second here: seven of them, engines taking turns, so the median holds

    public Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct) =>
        BusyboxImage.ImportAsync(engine, context, Image, ct);

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        try
        {
            var env = Cli.Environment(engine, context);
            string[] args = [.. SleepingContainers.RunOptions(Name), .. Network, Image, .. SleepingContainers.Command];
            var began = Stopwatch.GetTimestamp();
            var runs = await Task.WhenAll(Enumerable.Range(0, Containers).Select(_ => Cli.ExecAsync(context.Tools.DockerCli, args, env, ct)));
            var run = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            if (runs.FirstOrDefault(r => r.ExitCode != 0) is { ExitCode: not 0 } failed)
                throw new InvalidOperationException(
                    $"{runs.Count(r => r.ExitCode != 0)} of {Containers} `docker run -d` failed: {Cli.FirstLine(failed.Stderr + failed.Stdout)}");

            var removing = Stopwatch.GetTimestamp();
            await Cli.RunAsync(engine, context, ["rm", "-f", .. runs.Select(r => r.Stdout.Trim())], ct);
            var rm = Stopwatch.GetElapsedTime(removing).TotalMilliseconds;
            context.Record(engine, $"{Containers} × run -d", "ms", [run], 50);
            context.Record(engine, $"rm -f {Containers}", "ms", [rm], 50);
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
}

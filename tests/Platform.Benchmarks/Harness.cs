using System.Runtime.InteropServices;
using Platform.Benchmarks.Engines;
using Platform.Benchmarks.Reporting;
using Platform.Benchmarks.Scenarios;

namespace Platform.Benchmarks;

/// <summary>
/// One run: start the peers, find the platform, run each scenario on every engine, print the table,
/// stop the peers and delete their temp root, also on Ctrl-C or SIGTERM. Never fails on slow numbers.
/// </summary>
public static class Harness
{
    public static async Task<int> RunAsync(Options options)
    {
        using var stop = new CancellationTokenSource();
        void Interrupt(string why)
        {
            if (!stop.IsCancellationRequested)
                Console.Error.WriteLine($"{why}: stopping the peers and cleaning up...");
            stop.Cancel();
        }
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; Interrupt("interrupted"); };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Interrupt("terminated"); });
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; Interrupt("hung up"); });
        var ct = stop.Token;

        var root = TempRoot.Create();
        var engines = CreateEngines(options, root);
        var results = new Results();
        var interrupted = false;
        try
        {
            var tools = Tools.Find(options, root.Dir("scratch"));
            var machine = await Machine.DescribeAsync(tools, ct);
            Console.WriteLine(machine);
            Console.Error.WriteLine($"starting {string.Join(", ", engines.Select(e => e.Name))} (temp root {root.Path})");
            await Task.WhenAll(engines.Select(e => e.StartAsync(ct)));
            foreach (var engine in engines)
                Console.WriteLine($"{engine.Name,-9} {engine.Endpoint.DockerHost}  {engine.Status}");
            Console.WriteLine();
            try
            {
                foreach (var scenario in Selected(options))
                    await ScenarioRunner.RunAsync(scenario, engines, new ScenarioContext(options, tools, root.Dir("scratch"), results, scenario),
                        results, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                interrupted = true;
                Console.WriteLine("(interrupted: partial results)");
            }
            TableReport.Write(Console.Out, results, engines);
            var loadAtEnd = Machine.LoadAverage();
            Console.WriteLine($"load average (1/5/15 min): {machine.LoadAtStart} at start, {loadAtEnd} at end, on {machine.Cores} cores"
                + (Machine.Busy(loadAtEnd, machine.Cores) ? ": the machine was busy, expect noise" : ""));
            if (options.JsonPath is { } json)
            {
                await JsonReport.WriteAsync(json, machine, engines, results, interrupted, loadAtEnd);
                Console.WriteLine($"results written to {json}");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            interrupted = true;
        }
        finally
        {
            await Task.WhenAll(engines.Select(e => e.StopAsync()));
            if (options.KeepTemp)
                Console.Error.WriteLine($"kept {root.Path}");
            else
                root.Delete();
        }
        return interrupted ? 130 : 0;
    }

    static List<Engine> CreateEngines(Options options, TempRoot root) =>
    [
        .. options.Engines.Distinct().Select(name => name switch
        {
            "platform" => (Engine)new PlatformEngine(options.PlatformHost),
            "dockerd" => new Dockerd(root),
            _ => new Podman(root),
        }),
    ];

    static IEnumerable<IScenario> Selected(Options options) =>
        options.Scenarios.Count == 0 ? ScenarioCatalog.All : ScenarioCatalog.All.Where(s => options.Scenarios.Contains(s.Name));}

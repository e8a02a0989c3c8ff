using Platform.Benchmarks.Engines;
using Platform.Benchmarks.Reporting;

namespace Platform.Benchmarks.Scenarios;

/// <summary>Runs one scenario on every running engine; a failure on one engine is recorded, the others go on.</summary>
public static class ScenarioRunner
{
    /// <summary>Prepare on every engine, then measure in rounds, engines taking turns, then clean up.</summary>
    public static async Task RunAsync(IScenario scenario, IReadOnlyList<Engine> engines, ScenarioContext context, Results results,
        CancellationToken ct)
    {
        var prepared = new List<Engine>();
        foreach (var engine in engines.Where(e => e.IsRunning))
            if (await TryAsync(scenario, engine, results, () => scenario.PrepareAsync(engine, context, ct), ct))
                prepared.Add(engine);
        var running = prepared.ToList();
        try
        {
            for (var round = 0; round < scenario.Rounds; round++)
            {
                context.Round = round;
                var first = running.Count == 0 ? 0 : round % running.Count;
                foreach (var engine in running[first..].Concat(running[..first]).ToList())
                {
                    Console.Error.WriteLine($"[{scenario.Name}] round {round + 1}/{scenario.Rounds}: {engine.Name}");
                    if (!await TryAsync(scenario, engine, results, () => scenario.RunAsync(engine, context, ct), ct))
                        running.Remove(engine);
                }
            }
        }
        finally
        {
            context.Complete(); // also the rounds done before an interrupt
        }
        foreach (var engine in prepared)
            await TryAsync(scenario, engine, results, () => scenario.CleanupAsync(engine, context, ct), ct);
    }

    static async Task<bool> TryAsync(IScenario scenario, Engine engine, Results results, Func<Task> step, CancellationToken ct)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var reason = e.GetBaseException().Message.Split('\n')[0];
            results.Fail(scenario.Name, engine.Name, reason);
            Console.Error.WriteLine($"  {scenario.Name} on {engine.Name} failed: {reason}");
            return false;
        }
    }
}

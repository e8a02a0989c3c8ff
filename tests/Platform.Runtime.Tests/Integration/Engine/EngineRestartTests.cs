using System.Diagnostics;
using Platform.Runtime.Engine;
using Xunit.Abstractions;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>Containers belong to their conmon, not to the engine object: a new engine on the same roots picks them up.</summary>
public sealed class EngineRestartTests(EngineFixture fixture, ITestOutputHelper output) : IClassFixture<EngineFixture>
{
    static CancellationToken Soon => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task A_container_keeps_running_across_an_engine_restart_and_an_exit_while_down_is_reported_on_startup()
    {
        await using var own = new EngineFixture(); // this test disposes its engine: not the shared one
        var running = own.NewId();
        var exiting = own.NewId();
        await own.CreateAsync(EngineFixture.Launch(running, "sleep", "1000"));
        await own.CreateAsync(EngineFixture.Launch(exiting, "sh", "-c", "sleep 0.5; echo bye; exit 9"));
        await own.Engine.StartAsync(running, Soon);
        await own.Engine.StartAsync(exiting, Soon);
        var settings = own.Engine.Settings;

        own.Engine.Dispose(); // the runtime goes away…
        await Task.Delay(1000);   // …and the second container exits meanwhile
        using var restarted = new ContainerEngine(settings);

        Assert.Equal(ContainerRunState.Running, restarted.Inspect(running)!.Status);
        var reported = new List<ContainerExit>();
        await foreach (var exit in restarted.Exits.WithCancellation(Soon))
            if (exit.Id == exiting) { reported.Add(exit); break; }
        Assert.Equal(9, reported.Single().ExitCode);
        Assert.Equal("bye\n", await own.LogTextAsync(exiting));

        await restarted.KillAsync(running, 9, Soon);
        Assert.Equal(137, (await restarted.WaitForExitAsync(running, Soon)).ExitCode);
    }

    [Fact]
    public async Task Concurrent_creates_do_not_share_pipes_and_each_gets_its_own_exit()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => fixture.NewId()).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select((id, i) => fixture.RunAsync(EngineFixture.Launch(id, "sh", "-c", $"echo {i}; exit {i}"))));
        output.WriteLine($"6 concurrent mount+create+start+exit: {clock.ElapsedMilliseconds} ms");

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(i, fixture.Engine.ReadExit(ids[i])!.ExitCode);
            Assert.Equal($"{i}\n", await fixture.LogTextAsync(ids[i]));
        }
    }

    [Fact]
    public async Task Create_and_start_latency_is_measured()
    {
        var id = fixture.NewId();
        await fixture.Engine.MountRootfsAsync(id, EngineFixture.Overlay, Soon);
        var clock = Stopwatch.StartNew();
        await fixture.Engine.CreateAsync(EngineFixture.Launch(id, "true"), Soon);
        var created = clock.ElapsedMilliseconds;
        await fixture.Engine.StartAsync(id, Soon);
        var started = clock.ElapsedMilliseconds;
        await fixture.Engine.WaitForExitAsync(id, Soon);
        output.WriteLine($"create {created} ms, start {started - created} ms, exit seen {clock.ElapsedMilliseconds - started} ms");
        Assert.True(started < 5000, $"create+start took {started} ms");
    }
}

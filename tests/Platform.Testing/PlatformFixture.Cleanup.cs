namespace Platform.Testing;

/// <summary>Shutting the platform down: what the tests left is removed, the engine is checked for leaks, services stop.</summary>
public sealed partial class PlatformFixture
{
    public async Task DisposeAsync()
    {
        EngineLeaks? leaks;
        try
        {
            leaks = Gateway is null ? null : await CheckForLeaksAsync();
        }
        finally
        {
            // Whatever the check found or threw, the services stop: left running they would load the rest of the run.
            await StopServicesAsync();
            await TestBridges.RemoveAsync(DefaultBridge);
            await TestBridges.UnmountAsync(EngineLeaks.NetnsDirectory(RunDir));
        }
        // A cleanup failure shows as "[Test Collection Cleanup Failure (…)] <exception type>" and fails the run;
        // the message (what leaked) shows with `--logger "console;verbosity=detailed"`.
        if (leaks is { None: false }) throw new EngineLeakedException(Root, leaks);
        foreach (var dir in new[] { Root, RunDir })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// kill -9 of one service (by project name, e.g. "Platform.Networking") and a start of a new one on the same
    /// port, as a crash and a supervisor's restart would: what outlives the process is what the test looks at.
    /// </summary>
    public async Task RestartServiceAsync(string name, bool kill = true, Func<Task>? whileDown = null)
    {
        var old = _services.Single(s => s.Options.Name == name);
        if (kill) old.Kill(); else await old.StopAsync();
        await old.DisposeAsync();
        _services.Remove(old);
        if (whileDown is not null) await whileDown();
        _services.Add(await ServiceProcess.StartAsync(old.Options with { Port = old.Port }));
    }

    async Task StopServicesAsync()
    {
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var service in _services) await service.DisposeAsync();
        Gateway = null!;
        _services.Clear();
    }

    /// <summary>
    /// Containers the tests left are removed through the API first (the tests' bug, named in the report if the
    /// engine then leaks); after that nothing of any container may remain under the root.
    /// </summary>
    async Task<EngineLeaks> CheckForLeaksAsync()
    {
        using var http = CreateHttpClient();
        var leftovers = await LeftoverContainers.RemoveAllAsync(http);
        var leaks = await Eventually.PollAsync(() => Task.FromResult(EngineLeaks.Find(Root, RunDir)), leaks => leaks.None, TimeSpan.FromSeconds(10));
        return leaks with { LeftByTests = leftovers };
    }
}

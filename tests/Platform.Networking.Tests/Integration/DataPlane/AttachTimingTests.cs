using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>The hot path of `docker run`: a new sandbox and its first endpoint. Prints the median; asserts no time.</summary>
public sealed class AttachTimingTests(ITestOutputHelper output) : IAsyncLifetime
{
    const int Runs = 50;
    readonly DataPlaneHarness _plane = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _plane.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateSandbox_and_Attach_median_over_50_runs()
    {
        var network = await _plane.NetworkAsync();
        await _plane.ContainerAsync(network, 254); // warm-up: JIT, the netns directory mount, the host socket
        var total = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await _plane.ContainerAsync(network, 2 + i);
            total.Add(clock.Elapsed.TotalMilliseconds);
        }
        var sandboxOnly = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var id = "tm" + DataPlaneHarness.Suffix(8);
            var clock = Stopwatch.StartNew();
            await _plane.Sandboxes.CreateSandboxAsync(id, default);
            sandboxOnly.Add(clock.Elapsed.TotalMilliseconds);
            await _plane.Sandboxes.RemoveSandboxAsync(id, default);
        }

        var line = $"CreateSandbox+Attach over {Runs} runs: median {Median(total):F2} ms, p90 {Percentile(total, 0.9):F2} ms, " +
            $"max {total.Max():F2} ms; CreateSandbox alone: median {Median(sandboxOnly):F2} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(Runs, total.Count);
        Assert.True(await Kernel.PingsAsync(null, network.Subnet.Replace(".0/24", $".{1 + Runs}")), "the last one works");
    }

    static double Median(List<double> values) => Percentile(values, 0.5);

    static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}

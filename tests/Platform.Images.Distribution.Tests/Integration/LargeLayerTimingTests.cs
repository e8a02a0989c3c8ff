using System.Diagnostics;
using Platform.Images.Distribution.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>A 64 MiB layer through docker-registry on loopback: push then pull, timed; the stream stays small.</summary>
public sealed class LargeLayerTimingTests(PlainRegistry registry, ITestOutputHelper output) : IClassFixture<PlainRegistry>, IDisposable
{
    readonly Harness _harness = new();

    [Fact]
    public async Task A_64_MiB_layer_pushes_and_pulls_with_throttled_progress()
    {
        var build = Stopwatch.StartNew();
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1, layerSize: 64 * 1024 * 1024, gzip: false);
        output.WriteLine($"build: {build.ElapsedMilliseconds} ms");
        var target = new RemoteReference(registry.Server.Host, Harness.Repo("big"), "latest");
        var pushProgress = new RecordingProgress();
        var pullProgress = new RecordingProgress();

        var push = Stopwatch.StartNew();
        await _harness.PushAsync(store, target, image.Manifest, progress: pushProgress);
        push.Stop();
        var pull = Stopwatch.StartNew();
        var pulled = await _harness.PullAsync(_harness.NewStore(), target, progress: pullProgress);
        pull.Stop();

        var mib = image.Layers[0].Size / 1048576.0;
        output.WriteLine($"push {mib:F1} MiB: {push.ElapsedMilliseconds} ms ({mib / push.Elapsed.TotalSeconds:F0} MiB/s), {pushProgress.Messages.Count} messages");
        output.WriteLine($"pull {mib:F1} MiB: {pull.ElapsedMilliseconds} ms ({mib / pull.Elapsed.TotalSeconds:F0} MiB/s), {pullProgress.Messages.Count} messages");
        Assert.Equal(image.Manifest, pulled.Digest);
        var bars = pullProgress.Messages.Count(m => m.Status == "Downloading");
        Assert.InRange(bars, 1, (int)(pull.ElapsedMilliseconds / 100) + 2); // ≤ one per 100 ms, plus the final one
        Assert.InRange(pushProgress.Messages.Count(m => m.Status == "Pushing"), 1, (int)(push.ElapsedMilliseconds / 100) + 2);
    }

    public void Dispose() => _harness.Dispose();
}

using System.Security.Cryptography;
using Platform.Images.Content;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>Interrupted layer downloads continue where they stopped (Range from the ingest offset).</summary>
public sealed class ResumeTests(PlainRegistry registry) : IClassFixture<PlainRegistry>, IDisposable
{
    readonly Harness _harness = new();

    async Task<(TestImage Image, string Repository)> PushedAsync(int layerSize = 1024 * 1024)
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1, layerSize: layerSize);
        var repository = Harness.Repo("resume");
        await _harness.PushAsync(store, new RemoteReference(registry.Server.Host, repository, "latest"), image.Manifest);
        return (image, repository);
    }

    static IEnumerable<string?> RangesFor(RegistryProxy proxy, Digest digest) =>
        proxy.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/blobs/" + digest)).Select(r => r.Range);

    [Fact]
    public async Task A_dropped_connection_resumes_with_a_range_request()
    {
        var (image, repository) = await PushedAsync();
        var layer = image.Layers[0];
        await using var proxy = new RegistryProxy(registry.Server.Host)
        {
            CutBlob = (path, range) => path.EndsWith(layer.Digest.ToString()) && range is null ? layer.Size / 2 : null,
        };
        var progress = new RecordingProgress();
        var store = _harness.NewStore();

        var pulled = await _harness.PullAsync(store, new RemoteReference(proxy.Host, repository, "latest"), progress: progress);

        Assert.Equal(image.Manifest, pulled.Digest);
        Assert.True(store.Exists(layer.Digest));
        var ranges = RangesFor(proxy, layer.Digest).ToList();
        Assert.Equal(2, ranges.Count);
        Assert.Null(ranges[0]);
        Assert.Matches(@"^bytes=[1-9]\d*-$", ranges[1]);
        Assert.Contains("Retrying in 1 second", progress.StatusesOf(layer.Digest.Short));
    }

    [Fact]
    public async Task A_stalled_download_is_abandoned_and_resumed()
    {
        using var harness = new Harness(o => o.StallTimeout = TimeSpan.FromMilliseconds(300));
        var (image, repository) = await PushedAsync();
        var layer = image.Layers[0];
        await using var proxy = new RegistryProxy(registry.Server.Host)
        {
            CutBlob = (path, range) => path.EndsWith(layer.Digest.ToString()) && range is null ? layer.Size / 3 : null,
            StallInsteadOfDrop = TimeSpan.FromSeconds(20),
        };
        var started = DateTime.UtcNow;

        var pulled = await harness.PullAsync(harness.NewStore(), new RemoteReference(proxy.Host, repository, "latest"));

        Assert.Equal(image.Manifest, pulled.Digest);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Matches(@"^bytes=[1-9]\d*-$", RangesFor(proxy, layer.Digest).Last());
    }

    [Fact]
    public async Task A_partial_ingest_left_by_an_earlier_pull_is_continued()
    {
        var (image, repository) = await PushedAsync();
        var layer = image.Layers[0];
        await using var proxy = new RegistryProxy(registry.Server.Host);
        var store = _harness.NewStore();
        var half = layer.Bytes.Length / 2;
        await File.WriteAllBytesAsync(Path.Combine(store.Root, "ingest", layer.Digest.Hex), layer.Bytes[..half]);

        await _harness.PullAsync(store, new RemoteReference(proxy.Host, repository, "latest"));

        Assert.Equal([$"bytes={half}-"], RangesFor(proxy, layer.Digest));
        Assert.Equal(layer.Bytes, await File.ReadAllBytesAsync(store.PathOf(layer.Digest)));
    }

    [Fact]
    public async Task A_corrupt_partial_ingest_is_discarded_and_the_layer_fetched_again()
    {
        var (image, repository) = await PushedAsync();
        var layer = image.Layers[0];
        await using var proxy = new RegistryProxy(registry.Server.Host);
        var store = _harness.NewStore();
        await File.WriteAllBytesAsync(Path.Combine(store.Root, "ingest", layer.Digest.Hex), RandomNumberGenerator.GetBytes(1000));

        var pulled = await _harness.PullAsync(store, new RemoteReference(proxy.Host, repository, "latest"));

        Assert.Equal(image.Manifest, pulled.Digest);
        Assert.Equal(["bytes=1000-", null], RangesFor(proxy, layer.Digest));
        Assert.Equal(layer.Bytes, await File.ReadAllBytesAsync(store.PathOf(layer.Digest)));
    }

    [Fact]
    public async Task A_registry_ignoring_ranges_gets_the_layer_downloaded_from_zero()
    {
        var (image, repository) = await PushedAsync();
        var layer = image.Layers[0];
        await using var proxy = new RegistryProxy(registry.Server.Host) { IgnoreRange = true };
        var store = _harness.NewStore();
        await File.WriteAllBytesAsync(Path.Combine(store.Root, "ingest", layer.Digest.Hex), layer.Bytes[..4096]);

        await _harness.PullAsync(store, new RemoteReference(proxy.Host, repository, "latest"));

        Assert.Equal(layer.Bytes, await File.ReadAllBytesAsync(store.PathOf(layer.Digest)));
    }

    public void Dispose() => _harness.Dispose();
}

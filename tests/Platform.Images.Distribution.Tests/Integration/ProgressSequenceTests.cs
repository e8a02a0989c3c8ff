using System.Collections.Concurrent;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>The JSON message sequences a Docker client sees for push and pull.</summary>
public sealed class ProgressSequenceTests(PlainRegistry registry) : IClassFixture<PlainRegistry>, IDisposable
{
    readonly Harness _harness = new();

    [Fact]
    public async Task Push_reads_like_docker_push()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 2, layerSize: 256 * 1024);
        var repository = Harness.Repo("pushmsgs");
        var progress = new RecordingProgress();

        await _harness.PushAsync(store, new RemoteReference(registry.Server.Host, repository, "latest"), image.Manifest, progress: progress);

        var json = progress.Json;
        Assert.Equal($$"""{"status":"The push refers to repository [{{registry.Server.Host}}/{{repository}}]"}""", json[0]);
        var top = image.Layers[1].Digest.Short;
        Assert.Equal($$"""{"status":"Preparing","progressDetail":{},"id":"{{top}}"}""", json[1]); // top layer first
        foreach (var layer in image.Layers)
        {
            var id = layer.Digest.Short;
            Assert.Equal(["Preparing", "Pushed"], progress.StatusesOf(id));
            var bars = progress.Messages.Where(m => m.Id == id && m.Status == "Pushing").ToList();
            Assert.NotEmpty(bars);
            Assert.Equal(layer.Size, bars[^1].ProgressDetail!.Total);
            Assert.Equal(layer.Size, bars[^1].ProgressDetail!.Current);
            Assert.Matches(@"^\[=+>\s*\] +\d", bars[^1].Progress);
        }
        var size = image.ManifestBytes.Length;
        Assert.Equal($$"""{"status":"latest: digest: {{image.Manifest}} size: {{size}}"}""", json[^2]);
        Assert.Equal($$$"""{"progressDetail":{},"aux":{"Tag":"latest","Digest":"{{{image.Manifest}}}","Size":{{{size}}}}}""", json[^1]);
    }

    [Fact]
    public async Task Pull_reads_like_docker_pull_with_the_snapshot_step_in_layer_order()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source, layers: 4, layerSize: 128 * 1024);
        var target = new RemoteReference(registry.Server.Host, Harness.Repo("pullmsgs"), "latest");
        await _harness.PushAsync(source, target, image.Manifest);
        var applier = new RecordingApplier();
        var progress = new RecordingProgress();

        await _harness.PullAsync(_harness.NewStore(), target, progress: progress, applier: applier);

        var json = progress.Json;
        Assert.Equal($$"""{"status":"Pulling from {{target.Repository}}","id":"latest"}""", json[0]);
        for (var i = 0; i < image.Layers.Count; i++)
            Assert.Equal($$"""{"status":"Pulling fs layer","progressDetail":{},"id":"{{image.Layers[i].Digest.Short}}"}""", json[1 + i]);
        Assert.Equal(image.Layers.Select(l => l.Digest), applier.Applied); // bottom first
        foreach (var layer in image.Layers)
        {
            var statuses = progress.StatusesOf(layer.Digest.Short).Where(s => s != "Waiting").ToList();
            Assert.Equal(["Pulling fs layer", "Verifying Checksum", "Download complete", "Pull complete"], statuses);
            var bars = progress.Messages.Where(m => m.Id == layer.Digest.Short && m.Progress is not null).Select(m => m.Status).Distinct();
            Assert.Equal(["Downloading", "Extracting"], bars);
        }
        Assert.Single(progress.Messages, m => m.Status == "Waiting"); // 4 layers, 3 download slots
        Assert.Equal([$"Digest: {image.Manifest}", $"Status: Downloaded newer image for {target.Familiar}"], progress.Lines);
    }

    [Fact]
    public async Task Layers_the_applier_already_has_are_reported_as_existing_and_not_applied_again()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source, layers: 2);
        var target = new RemoteReference(registry.Server.Host, Harness.Repo("applied"), "latest");
        await _harness.PushAsync(source, target, image.Manifest);
        var store = _harness.NewStore();
        var applier = new RecordingApplier();
        await _harness.PullAsync(store, target, applier: applier);

        var progress = new RecordingProgress();
        await _harness.PullAsync(store, target, progress: progress, applier: applier);

        Assert.Equal(2, applier.Applied.Count);
        foreach (var layer in image.Layers) Assert.Equal(["Already exists"], progress.StatusesOf(layer.Digest.Short));
    }

    sealed class RecordingApplier : ILayerApplier
    {
        readonly ConcurrentQueue<Content.Digest> _applied = new();

        public IReadOnlyList<Content.Digest> Applied => _applied.ToList();

        public ValueTask<bool> IsAppliedAsync(PulledLayer layer, CancellationToken ct) => ValueTask.FromResult(_applied.Contains(layer.Digest));

        public async Task ApplyAsync(PulledLayer layer, IProgressWriter progress, CancellationToken ct)
        {
            var bar = new TransferProgress(progress, layer.Id, PullMessages.Extracting, layer.Descriptor.Size);
            await bar.ReportAsync(layer.Descriptor.Size, ct);
            _applied.Enqueue(layer.Digest);
        }
    }

    public void Dispose() => _harness.Dispose();
}

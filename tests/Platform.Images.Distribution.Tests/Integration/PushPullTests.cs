using Platform.Images.Content;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>Images built here, pushed to a real docker-registry and pulled back into an empty store.</summary>
public sealed class PushPullTests(PlainRegistry registry) : IClassFixture<PlainRegistry>, IDisposable
{
    readonly Harness _harness = new();

    RemoteReference Ref(string repository, string? tag = "latest", Digest? digest = null) =>
        new(registry.Server.Host, repository, tag, digest);

    [Theory]
    [InlineData(MediaTypes.DockerManifest)]
    [InlineData(MediaTypes.OciManifest)]
    public async Task A_pushed_image_pulls_back_into_an_empty_store_byte_for_byte(string mediaType)
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source, mediaType);
        var target = Ref(Harness.Repo("roundtrip"));

        var pushed = await _harness.PushAsync(source, target, image.Manifest);
        var destination = _harness.NewStore();
        var pulled = await _harness.PullAsync(destination, target);

        Assert.Equal((image.Manifest, image.ManifestBytes.Length), (pushed.Digest, pushed.Size));
        Assert.Equal((image.Manifest, mediaType, image.Config), (pulled.Digest, pulled.Manifest.MediaType, pulled.ConfigDigest));
        Assert.Null(pulled.Index);
        Assert.Equal(image.ManifestBytes, pulled.Manifest.Bytes);
        Assert.Equal(image.ConfigBytes, pulled.Config.ToArray());
        Assert.Equal(image.Layers.Select(l => l.Digest.ToString()), pulled.Layers.Select(l => l.Digest));
        foreach (var digest in image.Layers.Select(l => l.Digest).Append(image.Config).Append(image.Manifest))
            Assert.True(destination.Exists(digest), $"{digest} missing from the pulling store");
        Assert.True(pulled.DownloadedNewContent);
    }

    [Fact]
    public async Task A_second_pull_reports_every_layer_as_already_there_and_the_image_up_to_date()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source);
        var target = Ref(Harness.Repo("again"));
        await _harness.PushAsync(source, target, image.Manifest);
        var store = _harness.NewStore();
        await _harness.PullAsync(store, target);

        var progress = new RecordingProgress();
        var second = await _harness.PullAsync(store, target, progress: progress);

        Assert.False(second.DownloadedNewContent);
        foreach (var layer in image.Layers) Assert.Equal(["Already exists"], progress.StatusesOf(layer.Digest.Short));
        Assert.Equal([$"Digest: {image.Manifest}", $"Status: Image is up to date for {target.Familiar}"], progress.Lines);
    }

    [Theory]
    [InlineData(MediaTypes.OciIndex, MediaTypes.OciManifest)]
    [InlineData(MediaTypes.DockerManifestList, MediaTypes.DockerManifest)]
    public async Task An_index_pulls_the_linux_amd64_image_by_default_and_another_platform_when_asked(string indexType, string manifestType)
    {
        var source = _harness.NewStore();
        var amd64 = await TestImages.BuildAsync(source, manifestType, architecture: "amd64");
        var arm64 = await TestImages.BuildAsync(source, manifestType, architecture: "arm64");
        var index = await TestImages.BuildIndexAsync(source, indexType, arm64, amd64);
        var target = Ref(Harness.Repo("multi"));
        var pushed = await _harness.PushAsync(source, target, index.Digest);

        var progress = new RecordingProgress();
        var store = _harness.NewStore();
        var pulled = await _harness.PullAsync(store, target, progress: progress);
        var arm = await _harness.PullAsync(_harness.NewStore(), target, platform: ImagePlatform.Parse("linux/arm64"));

        Assert.Equal((index.Digest, index.Digest), (pushed.Digest, pulled.Digest));
        Assert.Equal(indexType, pulled.Index?.MediaType);
        Assert.Equal((amd64.Manifest, amd64.Config), (pulled.Manifest.Digest, pulled.ConfigDigest));
        Assert.Equal((arm64.Manifest, arm64.Config), (arm.Manifest.Digest, arm.ConfigDigest));
        Assert.True(store.Exists(index.Digest) && store.Exists(amd64.Manifest) && !store.Exists(arm64.Manifest));
        Assert.Contains($"Digest: {index.Digest}", progress.Lines);
    }

    [Fact]
    public async Task A_platform_missing_from_the_index_is_not_found()
    {
        var source = _harness.NewStore();
        var arm64 = await TestImages.BuildAsync(source, MediaTypes.OciManifest, architecture: "arm64");
        var index = await TestImages.BuildIndexAsync(source, arm64);
        var target = Ref(Harness.Repo("armonly"));
        await _harness.PushAsync(source, target, index.Digest);

        var error = await Assert.ThrowsAsync<RegistryException>(() => _harness.PullAsync(_harness.NewStore(), target));

        Assert.Equal((404, "no matching manifest for linux/amd64 in the manifest list entries"), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task Concurrent_pulls_of_one_image_into_one_store_share_its_blobs()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source, layers: 3, layerSize: 512 * 1024);
        var target = Ref(Harness.Repo("concurrent"));
        await _harness.PushAsync(source, target, image.Manifest);
        var store = _harness.NewStore();

        var pulls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _harness.PullAsync(store, target)));

        Assert.All(pulls, pulled => Assert.Equal(image.Manifest, pulled.Digest));
        Assert.All(image.Layers, layer => Assert.Equal(layer.Bytes, File.ReadAllBytes(store.PathOf(layer.Digest))));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store.Root, "ingest")));
    }

    [Fact]
    public async Task Pulling_by_digest_fetches_exactly_that_manifest()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source);
        var repository = Harness.Repo("bydigest");
        await _harness.PushAsync(source, Ref(repository), image.Manifest);

        var progress = new RecordingProgress();
        var pulled = await _harness.PullAsync(_harness.NewStore(), Ref(repository, null, image.Manifest), progress: progress);

        Assert.Equal(image.Manifest, pulled.Digest);
        Assert.Equal($"Pulling from {repository}", progress.Messages[0].Status);
        Assert.Equal(image.Manifest.ToString(), progress.Messages[0].Id);
        Assert.Equal($"Status: Downloaded newer image for {registry.Server.Host}/{repository}@{image.Manifest}", progress.Lines[^1]);
    }

    [Fact]
    public async Task An_unknown_tag_is_a_404_worded_like_docker()
    {
        var target = Ref(Harness.Repo("nothing"), "nope");
        var progress = new RecordingProgress();

        var error = await Assert.ThrowsAsync<RegistryException>(() => _harness.PullAsync(_harness.NewStore(), target, progress: progress));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal($"manifest for {registry.Server.Host}/{target.Repository}:nope not found: manifest unknown: manifest unknown", error.Message);
        Assert.Empty(progress.Messages); // nothing written yet: the API can still answer 404
    }

    [Fact]
    public async Task A_tampered_blob_in_the_registry_fails_verification_and_stays_out_of_the_store()
    {
        var source = _harness.NewStore();
        var image = await TestImages.BuildAsync(source, layers: 1);
        var target = Ref(Harness.Repo("tamper"));
        await _harness.PushAsync(source, target, image.Manifest);
        var layer = image.Layers[0];
        var data = registry.Server.BlobDataPath(layer.Digest);
        var bytes = await File.ReadAllBytesAsync(data);
        bytes[^1] ^= 0xFF; // same size, different content
        await File.WriteAllBytesAsync(data, bytes);

        var store = _harness.NewStore();
        var error = await Assert.ThrowsAsync<RegistryVerificationException>(() => _harness.PullAsync(store, target));

        Assert.Equal($"filesystem layer verification failed for digest {layer.Digest}", error.Message);
        Assert.False(store.Exists(layer.Digest));
        Assert.False(store.Exists(image.Manifest));
    }

    [Fact]
    public async Task Pushing_again_finds_every_layer_already_there()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store);
        var target = Ref(Harness.Repo("twice"));
        await _harness.PushAsync(store, target, image.Manifest);

        var progress = new RecordingProgress();
        var again = await _harness.PushAsync(store, target.WithTag("v2"), image.Manifest, progress: progress);

        Assert.Equal(image.Manifest, again.Digest);
        foreach (var layer in image.Layers) Assert.Equal(["Preparing", "Layer already exists"], progress.StatusesOf(layer.Digest.Short));
        Assert.Equal($"v2: digest: {image.Manifest} size: {image.ManifestBytes.Length}", progress.Lines[^1]);
    }

    [Fact]
    public async Task Blobs_are_mounted_from_another_repository_of_the_same_registry()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store);
        var source = Harness.Repo("base");
        await _harness.PushAsync(store, Ref(source), image.Manifest);

        var progress = new RecordingProgress();
        await _harness.PushAsync(store, Ref(Harness.Repo("derived")), image.Manifest, progress: progress, mountFrom: source);

        foreach (var layer in image.Layers)
            Assert.Equal(["Preparing", $"Mounted from {source}"], progress.StatusesOf(layer.Digest.Short));
    }

    [Fact]
    public async Task A_refused_connection_names_the_registry()
    {
        var port = Ports.Free();
        var target = new RemoteReference($"127.0.0.1:{port}", "gone", "latest");

        var error = await Assert.ThrowsAsync<RegistryUnreachableException>(() => _harness.PullAsync(_harness.NewStore(), target));

        Assert.Equal($"Get \"http://127.0.0.1:{port}/v2/gone/manifests/latest\": dial tcp 127.0.0.1:{port}: connect: connection refused", error.Message);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task A_manifest_missing_locally_cannot_be_pushed()
    {
        var digest = Digest.Of("not stored"u8);

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            _harness.PushAsync(_harness.NewStore(), Ref(Harness.Repo("none")), digest));

        Assert.Equal((404, $"manifest {digest} is not in the local content store"), (error.StatusCode, error.Message));
    }

    public void Dispose() => _harness.Dispose();
}

using Platform.Images.Content;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Distribution.Pushing;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Tests.Support;

/// <summary>A registry client with short retry delays and as many fresh content stores as a test wants.</summary>
public sealed class Harness : IDisposable
{
    readonly TempDir _dir = new("dist-harness");
    int _stores;

    public Harness(Action<DistributionOptions>? configure = null)
    {
        Options = new DistributionOptions { RetryDelay = TimeSpan.FromMilliseconds(50), ConnectTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(Options);
        Client = new RegistryClient(Options);
    }

    public DistributionOptions Options { get; }
    public RegistryClient Client { get; }

    public ContentStore NewStore() => new(_dir.Combine("store-" + Interlocked.Increment(ref _stores)));

    public static string Repo(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public async Task<PushResult> PushAsync(ContentStore store, RemoteReference target, Digest manifest,
        RegistryCredentials? credentials = null, RecordingProgress? progress = null, string? mountFrom = null) =>
        await new ImagePusher(Client, store).PushAsync(
            new PushRequest(target, manifest, credentials) { MountFrom = mountFrom }, progress ?? new RecordingProgress());

    public async Task<PullResult> PullAsync(ContentStore store, RemoteReference reference, RegistryCredentials? credentials = null,
        RecordingProgress? progress = null, Manifests.ImagePlatform? platform = null, ILayerApplier? applier = null) =>
        await new ImagePuller(Client, store).PullAsync(
            new PullRequest(reference, credentials, platform) { Applier = applier }, progress ?? new RecordingProgress());

    public void Dispose()
    {
        Client.Dispose();
        _dir.Dispose();
    }
}

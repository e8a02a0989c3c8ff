using Platform.Testing;

namespace Platform.Networking.Tests.Integration;

/// <summary>
/// One database and one broker virtual host of their own for these tests (the networking schema starts empty), and
/// one running service on it; tests that need a fresh host start another on the same environment.
/// </summary>
public sealed class NetworkingFixture : IAsyncLifetime
{
    public IReadOnlyDictionary<string, string?> Environment { get; private set; } = null!;
    public Infrastructure Infrastructure { get; private set; } = null!;
    public NetworkingHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await Infrastructure.GetAsync();
        Environment = await Infrastructure.IsolatedEnvironmentAsync("networking");
        Host = await NetworkingHost.StartAsync(Environment, "host-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NetworkingCollection : ICollectionFixture<NetworkingFixture>
{
    public const string Name = "networking service";
}

using Platform.Testing;

namespace Platform.EndToEnd.Tests.Outages;

/// <summary>
/// A second platform on PostgreSQL and RabbitMQ of its own, for the tests that stop a server or kill a service under
/// it: they must not take the shared platform's servers down with them. Runs beside the main collection.
/// </summary>
public sealed class OutagePlatform : IAsyncLifetime
{
    public Infrastructure Infrastructure { get; private set; } = null!;
    public PlatformFixture Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await Infrastructure.StartPrivateAsync("test-e2e-outage");
        Platform = PlatformFixture.OnPrivate(Infrastructure);
        try { await Platform.InitializeAsync(); }
        catch
        {
            await Infrastructure.DownAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try { await Platform.DisposeAsync(); }
        finally { await Infrastructure.DownAsync(); }
    }
}

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutagePlatform>
{
    public const string Name = "outages";
}

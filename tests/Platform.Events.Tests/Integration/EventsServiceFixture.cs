using Platform.Testing;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>One events process on the shared infrastructure for the whole "events service" collection.</summary>
public sealed class EventsServiceFixture : IAsyncLifetime
{
    public Infrastructure Infrastructure { get; private set; } = null!;
    public ServiceProcess Events { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await Infrastructure.GetAsync();
        Events = await ServiceProcess.StartAsync(Services.Events(Infrastructure));
    }

    public async Task DisposeAsync() => await Events.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EventsServiceCollection : ICollectionFixture<EventsServiceFixture>
{
    public const string Name = "events service";
}

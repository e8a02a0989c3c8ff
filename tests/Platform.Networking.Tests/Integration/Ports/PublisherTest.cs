using Microsoft.Extensions.Logging.Abstractions;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

/// <summary>A publisher per test, disposed (every port closed) when the test ends.</summary>
public abstract class PublisherTest : IAsyncLifetime
{
    protected PortPublisher Publisher { get; private set; } = null!;

    protected virtual PortPublisherOptions Options => new();

    public Task InitializeAsync()
    {
        Publisher = new PortPublisher(Options, NullLogger<PortPublisher>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Publisher.DisposeAsync();

    protected Task<IReadOnlyList<PublishedPort>> PublishAsync(params PortRequest[] requests) =>
        Publisher.PublishAsync("c1", requests, CancellationToken.None);
}

using Xunit;

namespace Platform.Testing;

/// <summary>For IClassFixture / ICollectionFixture: the shared <see cref="Infrastructure"/>, up before the first test.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    Infrastructure? _infrastructure;

    public Infrastructure Infrastructure =>
        _infrastructure ?? throw new InvalidOperationException("InfrastructureFixture is not initialised yet");

    public async Task InitializeAsync() => _infrastructure = await Infrastructure.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

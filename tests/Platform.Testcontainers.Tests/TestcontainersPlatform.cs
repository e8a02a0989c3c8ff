namespace Platform.Testcontainers.Tests;

/// <summary>
/// The platform booted once for this project, and Testcontainers pointed at it the way a user would: DOCKER_HOST is
/// the gateway's unix socket and Ryuk is off. Set before any Testcontainers type is touched, since Testcontainers
/// reads its settings once per process.
/// </summary>
public sealed class TestcontainersPlatform : IAsyncLifetime
{
    public PlatformFixture Platform { get; } = new();

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        Environment.SetEnvironmentVariable("DOCKER_HOST", Platform.DockerHost("unix"));
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        Environment.SetEnvironmentVariable("DOCKER_API_VERSION", null);
        Environment.SetEnvironmentVariable("DOCKER_CONFIG", Path.Combine(Path.GetTempPath(), "platform-tests-docker-config"));
    }

    public Task DisposeAsync() => Platform.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TestcontainersCollection : ICollectionFixture<TestcontainersPlatform>
{
    public const string Name = "testcontainers";
}

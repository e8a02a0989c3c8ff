using Platform.Testing;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// An images service of its own (own host id, root, database and vhost) whose Platform:RuntimeUrl points at a
/// <see cref="RuntimeContainerList"/>: the tests say which containers exist. It can be restarted on the same root,
/// as after a crash.
/// </summary>
public sealed class ContainersFixture : IAsyncLifetime
{
    Dictionary<string, string?> _environment = [];

    public RuntimeContainerList Runtime { get; } = new();
    public string Root { get; } = Directory.CreateTempSubdirectory("platform-images-usage-").FullName;
    public string HostId { get; } = $"img-u-{Guid.NewGuid():N}"[..18];
    public ServiceProcess Images { get; private set; } = null!;
    public HttpClient Http => Images.Http;
    public byte[] Busybox { get; } = RootFilesystems.Busybox();

    public async Task InitializeAsync()
    {
        _environment = await (await Infrastructure.GetAsync()).IsolatedEnvironmentAsync("images-usage");
        Images = await StartAsync();
    }

    /// <summary>Kills the service (no graceful shutdown, as a crash) and starts it again on the same root.</summary>
    public async Task RestartAsync()
    {
        Images.Kill();
        await Images.DisposeAsync();
        Images = await StartAsync();
    }

    Task<ServiceProcess> StartAsync()
    {
        var options = Services.Images(_environment, HostId, Root);
        var environment = new Dictionary<string, string?>(options.Environment) { ["Platform__RuntimeUrl"] = Runtime.Url };
        return ServiceProcess.StartAsync(options with { Environment = environment });
    }

    public async Task DisposeAsync()
    {
        await Images.DisposeAsync();
        await Runtime.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ContainersCollection : ICollectionFixture<ContainersFixture>
{
    public const string Name = "images with containers";
}

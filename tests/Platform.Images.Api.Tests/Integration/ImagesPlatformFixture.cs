using Platform.Testing;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Real processes on the real PostgreSQL and RabbitMQ, started once for the "images service" collection: images A
/// (the host under test), images B (a second host with a fresh root, for save → load), events (the state log), and
/// the runtime plus a gateway so the docker CLI can negotiate through /_ping, which images does not serve.
/// </summary>
public sealed class ImagesPlatformFixture : IAsyncLifetime
{
    readonly List<ServiceProcess> _services = [];
    readonly List<string> _directories = [];

    public string HostA { get; } = Unique("img-a");
    public string HostB { get; } = Unique("img-b");
    public string RootA { get; private set; } = "";
    public string RootB { get; private set; } = "";
    public ServiceProcess ImagesA { get; private set; } = null!;
    public ServiceProcess ImagesB { get; private set; } = null!;
    public ServiceProcess Events { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public string DockerHost => $"tcp://127.0.0.1:{Gateway.Port}";
    public byte[] Busybox { get; } = RootFilesystems.Busybox();

    public async Task InitializeAsync()
    {
        var infrastructure = await (await Infrastructure.GetAsync()).IsolatedEnvironmentAsync("images-api");
        RootA = TempDirectory("platform-images-a-");
        RootB = TempDirectory("platform-images-b-");
        var runtimeRoot = TempDirectory("platform-images-runtime-");
        var runDir = TempDirectory("platform-images-run-");

        var started = await Task.WhenAll(
            ServiceProcess.StartAsync(Services.Images(infrastructure, HostA, RootA)),
            ServiceProcess.StartAsync(Services.Images(infrastructure, HostB, RootB)),
            ServiceProcess.StartAsync(Services.Events(infrastructure)),
            ServiceProcess.StartAsync(Services.Runtime(infrastructure, HostA, runtimeRoot, runDir)));
        _services.AddRange(started);
        (ImagesA, ImagesB, Events) = (started[0], started[1], started[2]);
        Gateway = await ServiceProcess.StartAsync(Services.Gateway(Path.Combine(runDir, "docker.sock"), ImagesA, started[3]));
        _services.Add(Gateway);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services) await service.DisposeAsync();
        foreach (var directory in _directories)
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A scratch directory removed when the collection ends.</summary>
    public string TempDirectory(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        lock (_directories) _directories.Add(path);
        return path;
    }

    static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

[CollectionDefinition(Name)]
public sealed class ImagesPlatformCollection : ICollectionFixture<ImagesPlatformFixture>
{
    public const string Name = "images service";
}

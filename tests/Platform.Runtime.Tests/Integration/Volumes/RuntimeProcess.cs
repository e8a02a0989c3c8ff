using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>The runtime as a real process on a private root, with no broker: volumes must work without one.</summary>
public static class RuntimeProcess
{
    public static ServiceProcessOptions Options(string root) => new()
    {
        Project = "services/Runtime/Platform.Runtime",
        Environment = new Dictionary<string, string?>
        {
            ["Platform__Root"] = root,
            ["Platform__RunDir"] = Path.Combine(root, "run"),
            ["Platform__HostId"] = "volumes-test",
            ["ConnectionStrings__RabbitMq"] = null,
            ["Logging__LogLevel__Default"] = "Warning",
        },
    };
}

/// <summary>One runtime shared by the API and CLI tests of a class; each test uses its own volume names.</summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("platform-volumes-").FullName;
    public ServiceProcess Runtime { get; private set; } = null!;
    public string DockerHost => $"tcp://127.0.0.1:{Runtime.Port}";

    public async Task InitializeAsync() => Runtime = await ServiceProcess.StartAsync(RuntimeProcess.Options(Root));

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}

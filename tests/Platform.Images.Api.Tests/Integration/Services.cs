using Platform.Testing;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// How these tests start the processes they drive, all on one isolated database and vhost
/// (Infrastructure.IsolatedEnvironmentAsync): other test assemblies run their own events services at the same
/// time, and competing consumers of one state-log queue would interleave this run's events out of order.
/// </summary>
public static class Services
{
    public static ServiceProcessOptions Images(IReadOnlyDictionary<string, string?> isolated, string hostId, string root)
    {
        var environment = new Dictionary<string, string?>(isolated);
        environment["Platform__HostId"] = hostId;
        environment["Platform__Root"] = root;
        environment["Logging__LogLevel__Default"] = "Warning";
        return new() { Project = "services/Images/Platform.Images", Environment = environment, WaitForReady = true };
    }

    public static ServiceProcessOptions Events(IReadOnlyDictionary<string, string?> isolated)
    {
        var environment = new Dictionary<string, string?>(isolated);
        environment["Logging__LogLevel__Default"] = "Warning";
        return new() { Project = "services/Events/Platform.Events", Environment = environment, WaitForReady = true };
    }

    /// <summary>The runtime answers /_ping and /version for the CLI; the AOT build when deploy/test.sh published it.</summary>
    public static ServiceProcessOptions Runtime(IReadOnlyDictionary<string, string?> isolated, string hostId, string root, string runDir)
    {
        var environment = new Dictionary<string, string?>(isolated);
        environment["Platform__HostId"] = hostId;
        environment["Platform__Root"] = root;
        environment["Platform__RunDir"] = runDir;
        var native = RepositoryRoot.Combine($"artifacts/{ServiceProcessOptions.Configuration}/runtime/Platform.Runtime");
        return new()
        {
            Project = "services/Runtime/Platform.Runtime",
            Executable = File.Exists(native) ? native : null,
            Environment = environment,
        };
    }

    /// <summary>A gateway whose images and runtime clusters are the processes of this run.</summary>
    public static ServiceProcessOptions Gateway(string socket, ServiceProcess images, ServiceProcess runtime) => new()
    {
        Project = "gateway/Platform.Gateway",
        PortVariable = "Gateway__TcpPort",
        HealthPath = "/_ping",
        Environment = new Dictionary<string, string?>
        {
            ["Gateway__Socket"] = socket,
            ["Gateway__RegistryPort"] = "0",
            ["ReverseProxy__Clusters__images__Destinations__primary__Address"] = images.BaseAddress.ToString(),
            ["ReverseProxy__Clusters__runtime__Destinations__primary__Address"] = runtime.BaseAddress.ToString(),
        },
    };
}

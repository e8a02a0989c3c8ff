using Platform.Testing;

namespace Platform.Events.Tests.Integration;

/// <summary>How these tests start the services they drive.</summary>
public static class Services
{
    public static ServiceProcessOptions Events(Infrastructure infrastructure) => new()
    {
        Project = "services/Events/Platform.Events",
        Environment = infrastructure.ServiceEnvironment(),
        WaitForReady = true,
    };

    public static ServiceProcessOptions Networking(Infrastructure infrastructure, string hostId, bool waitForReady = true)
    {
        var environment = infrastructure.ServiceEnvironment();
        environment["Platform__HostId"] = hostId;
        return new() { Project = "services/Networking/Platform.Networking", Environment = environment, WaitForReady = waitForReady };
    }

    /// <summary>A host id no other test (or earlier run) uses.</summary>
    public static string UniqueHostId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

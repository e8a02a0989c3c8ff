using Platform.Testing;

namespace Platform.Events.Tests.Integration;

/// <summary>How these tests start the services they drive.</summary>
public static class Services
{
    public static ServiceProcessOptions Events(Infrastructure infrastructure) => Events(infrastructure.ServiceEnvironment());

    /// <summary>Webhook retries made fast enough to watch: 200 ms doubling to 1 s, 3 attempts, 2 s per attempt.</summary>
    public static ServiceProcessOptions Events(Dictionary<string, string?> environment)
    {
        environment["Events__Webhooks__InitialDelay"] = "00:00:00.200";
        environment["Events__Webhooks__MaxDelay"] = "00:00:01";
        environment["Events__Webhooks__MaxAttempts"] = "3";
        environment["Events__Webhooks__Timeout"] = "00:00:02";
        environment["Events__Webhooks__PollInterval"] = "00:00:00.500";
        return new() { Project = "services/Events/Platform.Events", Environment = environment, WaitForReady = true };
    }

    public static ServiceProcessOptions Networking(Infrastructure infrastructure, string hostId, bool waitForReady = true)
    {
        var environment = infrastructure.ServiceEnvironment();
        environment["Platform__HostId"] = hostId;
        return new() { Project = "services/Networking/Platform.Networking", Environment = environment, WaitForReady = waitForReady };
    }

    /// <summary>A host id no other test (or earlier run) uses.</summary>
    public static string UniqueHostId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

using Platform.Runtime.Containers.Model;

namespace Platform.Runtime.Containers.Networking;

/// <summary>
/// POST /_platform/sandboxes on this host's networking service: a namespace for the container, one endpoint per
/// network (the first one carries the default route) and its published ports, all or nothing.
/// </summary>
public sealed record SandboxRequest(
    string ContainerId, string ContainerName, string Hostname, List<SandboxNetworkRequest> Networks, List<SandboxPortRequest> Ports);

public sealed record SandboxNetworkRequest(string Network, List<string>? Aliases, string? IPv4Address);

/// <summary>HostPort 0 asks for an ephemeral port; HostIp "" for every address.</summary>
public sealed record SandboxPortRequest(string Protocol, int ContainerPort, string HostIp, int HostPort);

public sealed record Sandbox(string SandboxKey, List<AttachedEndpoint> Endpoints, List<PublishedPort> Ports, List<string> Nameservers);

/// <summary>What a network is to the runtime: its id and name (create resolves references with it).</summary>
public sealed record NetworkReference(string Id, string Name, string Driver);

namespace Platform.Networking.Sandboxes;

/// <summary>POST /_platform/sandboxes: runtime asks for a starting container's network (all or nothing).</summary>
public sealed record SandboxRequest(
    string ContainerId, string ContainerName, string Hostname, List<SandboxNetworkRequest> Networks, List<SandboxPortRequest>? Ports);

public sealed record SandboxNetworkRequest(string Network, List<string>? Aliases, string? IPv4Address);

/// <summary>HostPort 0: any free port; HostIp "": every address.</summary>
public sealed record SandboxPortRequest(string Protocol, int ContainerPort, string HostIp, int HostPort);

/// <summary>The answer: the namespace path, one endpoint per network (in the order asked), ports as bound, DNS servers.</summary>
public sealed record SandboxResponse(string SandboxKey, List<SandboxEndpoint> Endpoints, List<SandboxPort> Ports, List<string> Nameservers);

public sealed record SandboxEndpoint(
    string Network, string NetworkId, string EndpointId, string IPAddress, int IPPrefixLen, string Gateway,
    string MacAddress, List<string>? Aliases, List<string>? DnsNames);

public sealed record SandboxPort(string Protocol, int ContainerPort, string HostIp, int HostPort);

namespace Platform.Runtime.Containers.Model;

/// <summary>What a container asks of one network (create's EndpointsConfig entry, or connect's EndpointConfig).</summary>
public sealed record NetworkEndpointConfig(List<string>? Aliases, string? IPv4Address, List<string>? Links, string? MacAddress)
{
    public static readonly NetworkEndpointConfig Empty = new(null, null, null, null);
}

/// <summary>A running container's network: the namespace networking made for it, its endpoints and published ports.</summary>
public sealed record ContainerNetworkState(
    string SandboxKey, List<AttachedEndpoint> Endpoints, List<PublishedPort> Ports, List<string> Nameservers);

/// <summary>One endpoint of a container on a network, as networking allocated it.</summary>
public sealed record AttachedEndpoint(
    string Network, string NetworkId, string EndpointId, string IPAddress, int IPPrefixLen, string Gateway,
    string MacAddress, List<string>? Aliases, List<string>? DnsNames);

/// <summary>A container port bound on the host. HostIp is the address bound ("0.0.0.0", "::" or the one asked for).</summary>
public sealed record PublishedPort(string Protocol, int ContainerPort, string HostIp, int HostPort);

namespace Platform.Networking.Sandboxes;

/// <summary>A container's sandbox exists on this host: its namespace and the ports published for it.</summary>
public sealed record SandboxCreated(
    string SandboxId, string ContainerId, string ContainerName, string Path, List<SandboxPortRequest> RequestedPorts,
    List<SandboxPort> Ports, DateTimeOffset CreatedAt);

/// <summary>An endpoint of the sandbox: which network, which interface inside, which veth outside, what DNS names.</summary>
public sealed record SandboxEndpointAttached(string SandboxId, SandboxAttachment Endpoint, DateTimeOffset AttachedAt);

public sealed record SandboxEndpointDetached(string SandboxId, string EndpointId, DateTimeOffset DetachedAt);

/// <summary>The sandbox was torn down: its namespace, endpoints and ports are gone.</summary>
public sealed record SandboxRemoved(string SandboxId, DateTimeOffset RemovedAt);

public sealed record SandboxAttachment(
    string NetworkId, string Network, string EndpointId, string Interface, string HostInterface, string Bridge,
    string Address, int PrefixLength, string Gateway, string MacAddress, bool UserDefined, List<string> DnsNames);

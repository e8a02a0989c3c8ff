using System.Text.Json.Serialization;

namespace Platform.Networking.DockerApi;

/// <summary>GET /networks and /networks/{id} (network.Inspect as API 1.44–1.51 writes it), in moby's field order.</summary>
public sealed record NetworkResource(
    string Name,
    string Id,
    string Created,
    string Scope,
    string Driver,
    bool EnableIPv4,
    bool EnableIPv6,
    IpamResource IPAM,
    bool Internal,
    bool Attachable,
    bool Ingress,
    ConfigReference ConfigFrom,
    bool ConfigOnly,
    IReadOnlyDictionary<string, EndpointResource> Containers,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyDictionary<string, string> Labels);

public sealed record IpamResource(string Driver, IReadOnlyDictionary<string, string> Options, IReadOnlyList<IpamConfigResource> Config);

public sealed record IpamConfigResource(
    string Subnet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IPRange,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Gateway,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? AuxiliaryAddresses);

public sealed record ConfigReference(string Network);

/// <summary>One container of an inspected network (network.EndpointResource).</summary>
public sealed record EndpointResource(string Name, string EndpointID, string MacAddress, string IPv4Address, string IPv6Address);

/// <summary>201 of POST /networks/create.</summary>
public sealed record NetworkCreateResponse(string Id, string Warning);

/// <summary>200 of POST /networks/prune.</summary>
public sealed record NetworksPruneReport(IReadOnlyList<string> NetworksDeleted);

namespace Platform.Networking.Networks;

/// <summary>One network on one host, folded from its stream (stream key = the 64-hex network id).</summary>
/// <param name="LastAllocated">The address most recently handed out; the next join starts after it.</param>
public sealed record Network(
    string Id,
    string HostId,
    string Name,
    string Driver,
    string Scope,
    string? Subnet,
    string? Gateway,
    string? IPRange,
    IReadOnlyDictionary<string, string> AuxiliaryAddresses,
    bool SubnetFromPool,
    bool Internal,
    bool Attachable,
    bool Predefined,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<LiveEndpoint> Endpoints,
    string? LastAllocated,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt)
{
    public bool Exists => RemovedAt is null;

    public static Network Create(NetworkCreated e) => new(
        e.NetworkId, e.HostId, e.Name, e.Driver, e.Scope, e.Subnet, e.Gateway, e.IPRange,
        e.AuxiliaryAddresses ?? new Dictionary<string, string>(), e.SubnetFromPool, e.Internal, e.Attachable, e.Predefined,
        e.Labels, e.Options, Endpoints: [], LastAllocated: null, e.CreatedAt, RemovedAt: null);

    public Network Apply(NetworkRemoved e) => this with { RemovedAt = e.RemovedAt };

    public Network Apply(EndpointJoined e) => this with
    {
        Endpoints = [.. Endpoints, new LiveEndpoint(e.EndpointId, e.ContainerId, e.ContainerName, e.Address, e.PrefixLength, e.MacAddress, e.Aliases, e.JoinedAt)],
        LastAllocated = e.Address,
    };

    public Network Apply(EndpointLeft e) => this with { Endpoints = [.. Endpoints.Where(x => x.EndpointId != e.EndpointId)] };
}

/// <summary>A container's live attachment to a network.</summary>
public sealed record LiveEndpoint(
    string EndpointId, string ContainerId, string ContainerName, string Address, int PrefixLength, string MacAddress,
    IReadOnlyList<string> Aliases, DateTimeOffset JoinedAt);

namespace Platform.Networking.Networks;

/// <summary>A network exists on a host. Predefined networks (bridge, host, none) are created by the service itself.</summary>
/// <param name="SubnetFromPool">The subnet was drawn from the address pools, not given by the user.</param>
public sealed record NetworkCreated(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    string Scope,
    string? Subnet,
    string? Gateway,
    string? IPRange,
    IReadOnlyDictionary<string, string>? AuxiliaryAddresses,
    bool SubnetFromPool,
    bool Internal,
    bool Attachable,
    bool Predefined,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset CreatedAt);

/// <summary>A network was removed from its host; its id is never reused. Host, name and driver are for the fleet's log.</summary>
public sealed record NetworkRemoved(string NetworkId, string? HostId, string? Name, string? Driver, DateTimeOffset RemovedAt);

/// <summary>
/// A container joined the network at <paramref name="Address"/> (with the subnet's prefix length). The host and the
/// network's name are carried for the fleet's log, which never reads this service's state.
/// </summary>
public sealed record EndpointJoined(
    string NetworkId,
    string HostId,
    string NetworkName,
    string EndpointId,
    string ContainerId,
    string ContainerName,
    string Address,
    int PrefixLength,
    string MacAddress,
    IReadOnlyList<string> Aliases,
    DateTimeOffset JoinedAt);

/// <summary>A container left the network; its address is free again.</summary>
public sealed record EndpointLeft(
    string NetworkId, string HostId, string NetworkName, string EndpointId, string ContainerId, DateTimeOffset LeftAt);

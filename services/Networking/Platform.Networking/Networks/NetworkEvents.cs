namespace Platform.Networking.Networks;

/// <summary>A network exists on a host. Predefined networks (bridge, host, none) are created by the service itself.</summary>
public sealed record NetworkCreated(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    string Scope,
    string? Subnet,
    string? Gateway,
    bool Internal,
    bool Attachable,
    bool Predefined,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset CreatedAt);

/// <summary>A network was removed from its host; its id is never reused.</summary>
public sealed record NetworkRemoved(string NetworkId, DateTimeOffset RemovedAt);

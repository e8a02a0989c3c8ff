using MassTransit;

namespace Platform.Contracts.Networking;

/// <summary>A network now exists on a host (a predefined one at first start, or one a user created).</summary>
[MessageUrn("networking.network-created")]
[EntityName("networking.network-created")]
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
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset CreatedAt);

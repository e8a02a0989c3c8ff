namespace Platform.Networking.Networks;

/// <summary>One network on one host, folded from its stream (stream key = the 64-hex network id).</summary>
public sealed record Network(
    string Id,
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
    DateTimeOffset CreatedAt,
    DateTimeOffset? RemovedAt)
{
    public bool Exists => RemovedAt is null;

    public static Network Create(NetworkCreated e) => new(
        e.NetworkId, e.HostId, e.Name, e.Driver, e.Scope, e.Subnet, e.Gateway,
        e.Internal, e.Attachable, e.Predefined, e.Labels, e.Options, e.CreatedAt, RemovedAt: null);

    public Network Apply(NetworkRemoved e) => this with { RemovedAt = e.RemovedAt };
}

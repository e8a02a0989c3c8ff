namespace Platform.Networking.Networks.Predefined;

/// <summary>At startup: this host's predefined network must exist. Idempotent: nothing happens when it does.</summary>
public sealed record EnsurePredefinedNetwork(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    string? Subnet,
    string? Gateway,
    IReadOnlyDictionary<string, string> Options)
{
    public static IReadOnlyList<object> Decide(Network? state, EnsurePredefinedNetwork command, DateTimeOffset now) =>
        state is not null
            ? []
            : [
                new NetworkCreated(command.NetworkId, command.HostId, command.Name, command.Driver, "local",
                    command.Subnet, command.Gateway, IPRange: null, AuxiliaryAddresses: null, SubnetFromPool: false,
                    Internal: false, Attachable: false, Predefined: true, Labels: new Dictionary<string, string>(), command.Options, now),
            ];
}

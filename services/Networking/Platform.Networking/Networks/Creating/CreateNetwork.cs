using Platform.Networking.Addressing;
using Platform.Networking.Bridges;

namespace Platform.Networking.Networks.Creating;

/// <summary>A user asks for a new network (POST /networks/create).</summary>
public sealed record CreateNetwork(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    IpamRequest Ipam,
    bool Internal,
    bool Attachable,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Drivers of which a host has exactly one network, the predefined one.</summary>
    static readonly string[] SingleInstanceDrivers = ["host", "null"];

    public static IReadOnlyList<object> Decide(Network? state, HostContext host, CreateNetwork command, DateTimeOffset now)
    {
        if (state is not null || host.Networks.Any(n => n.Exists && n.Name == command.Name)) throw NetworkError.AlreadyExists(command.Name);
        if (SingleInstanceDrivers.Contains(command.Driver))
            throw NetworkError.Forbidden($"only one instance of \"{command.Driver}\" network is allowed");
        if (command.Driver != "bridge") throw NetworkError.BadRequest($"plugin \"{command.Driver}\" not found");
        BridgeNames.Validate(command.Options);
        var plan = Addressing.Ipam.Plan(command.Ipam, host.Subnets, host.Routes, host.Pools);
        return
        [
            new NetworkCreated(command.NetworkId, command.HostId, command.Name, command.Driver, "local",
                plan.Subnet, plan.Gateway, plan.IPRange, plan.AuxiliaryAddresses, plan.FromPool, command.Internal,
                command.Attachable, Predefined: false, command.Labels, command.Options, now),
        ];
    }
}

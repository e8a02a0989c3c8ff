namespace Platform.Networking.Networks.Creating;

/// <summary>A user asks for a new network (POST /networks/create, built in a later slice).</summary>
public sealed record CreateNetwork(
    string NetworkId,
    string HostId,
    string Name,
    string Driver,
    string? Subnet,
    string? Gateway,
    bool Internal,
    bool Attachable,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Drivers of which a host has exactly one network, the predefined one.</summary>
    static readonly string[] SingleInstanceDrivers = ["host", "null"];

    public static IReadOnlyList<object> Decide(Network? state, CreateNetwork command, DateTimeOffset now)
    {
        if (state is not null) throw NetworkError.AlreadyExists(command.Name);
        if (SingleInstanceDrivers.Contains(command.Driver))
            throw NetworkError.Forbidden($"only one instance of \"{command.Driver}\" network is allowed");
        return
        [
            new NetworkCreated(command.NetworkId, command.HostId, command.Name, command.Driver, "local",
                command.Subnet, command.Gateway, command.Internal, command.Attachable, Predefined: false,
                command.Labels, command.Options, now),
        ];
    }
}

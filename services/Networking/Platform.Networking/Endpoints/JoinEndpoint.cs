using Platform.Networking.Addressing;
using Platform.Networking.Networks;

namespace Platform.Networking.Endpoints;

/// <summary>A container asks to join a network (docker run --network, docker network connect), as the runtime sends it.</summary>
/// <param name="IPv4Address">EndpointConfig.IPAMConfig.IPv4Address: an address the user chose, or null for the next free one.</param>
public sealed record JoinEndpoint(string ContainerId, string ContainerName, IReadOnlyList<string>? Aliases = null, string? IPv4Address = null)
{
    public static IReadOnlyList<object> Decide(Network? state, JoinEndpoint command, string endpointId, DateTimeOffset now)
    {
        if (state is not { Exists: true }) throw NetworkError.NotFound(state?.Name ?? "");
        if (state.Driver is "host" or "null")
            throw NetworkError.Forbidden($"a container cannot join the {state.Name} network through an endpoint: it uses the {(state.Driver == "host" ? "host's network namespace" : "container's own empty namespace")}");
        var name = command.ContainerName.TrimStart('/');
        if (state.Endpoints.Any(e => e.ContainerId == command.ContainerId || e.ContainerName == name))
            throw NetworkError.Forbidden($"endpoint with name {name} already exists in network {state.Name}");
        if (!string.IsNullOrEmpty(command.IPv4Address) && (state.Predefined || state.SubnetFromPool))
            throw NetworkError.BadRequest("user specified IP address is supported only when connecting to networks with user configured subnets");

        var address = AddressAllocator.Allocate(state, command.IPv4Address);
        var prefix = Ipv4Subnet.Parse(state.Subnet!).Prefix;
        return
        [
            new EndpointJoined(state.Id, state.HostId, state.Name, endpointId, command.ContainerId, name,
                Ipv4.Format(address), prefix, Ipv4.MacFor(address), command.Aliases ?? [], now),
        ];
    }
}

using Microsoft.Extensions.Options;
using Platform.Networking.Bridges;
using Platform.Networking.Networks;

namespace Platform.Networking.Endpoints;

/// <summary>
/// Containers' endpoints on this host's networks, for the runtime: join (an address is allocated in the network's
/// turn, against every endpoint it has), leave (idempotent), and the endpoints a container has.
/// </summary>
public sealed class NetworkEndpoints(NetworkStreams streams, IOptions<NetworkingOptions> options)
{
    public async Task<JoinedEndpoint> JoinAsync(string networkIdOrName, JoinEndpoint request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.ContainerId) || string.IsNullOrEmpty(request.ContainerName.TrimStart('/')))
            throw NetworkError.BadRequest("an endpoint needs the container's id and name");
        var network = streams.Resolve(networkIdOrName);
        var endpointId = NetworkIds.New();
        var (state, _) = await streams.WriteAsync(network.Id, (current, now) =>
            current is { Exists: true } ? JoinEndpoint.Decide(current, request, endpointId, now) : throw NetworkError.NotFound(networkIdOrName), ct);
        return Joined(state!, state!.Endpoints.Single(e => e.EndpointId == endpointId));
    }

    public async Task LeaveAsync(string networkId, string endpointId, CancellationToken ct) =>
        await streams.WriteAsync(networkId, (current, now) => LeaveEndpoint.Decide(current, new LeaveEndpoint(networkId, endpointId), now), ct);

    /// <summary>The container's endpoints on every network, from the in-memory state (no I/O).</summary>
    public IReadOnlyList<JoinedEndpoint> ForContainer(string containerId) =>
        [.. streams.List()
            .SelectMany(n => n.Endpoints.Where(e => e.ContainerId == containerId).Select(e => Joined(n, e)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)];

    JoinedEndpoint Joined(Network network, LiveEndpoint endpoint) => new(
        network.Id, network.Name, endpoint.EndpointId, endpoint.ContainerId, endpoint.Address, endpoint.PrefixLength,
        network.Gateway ?? "", endpoint.MacAddress, endpoint.Aliases, BridgeNames.For(network, options.Value.DefaultBridge.Name), network.Internal);
}

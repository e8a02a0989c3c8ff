using Microsoft.Extensions.Options;
using Platform.Networking.Bridges;
using Platform.Networking.DataPlane;

namespace Platform.Networking.Networks.Removing;

/// <summary>Removes a network (refused while endpoints are live); once journaled, the data plane removes its bridge.</summary>
public sealed class NetworkRemover(NetworkStreams streams, IOptions<NetworkingOptions> options, INetworkDataPlane dataPlane)
{
    public async Task<Network> RemoveAsync(string idOrName, CancellationToken ct)
    {
        var network = streams.Resolve(idOrName);
        var (state, _) = await streams.WriteAsync(network.Id, (current, now) => RemoveNetwork.Decide(current, new RemoveNetwork(network.Id), now), ct);
        if (NetworkPlans.For(network, options.Value.DefaultBridge.Name) is { } plan) await dataPlane.RemoveNetworkAsync(plan, ct);
        return state ?? network;
    }
}

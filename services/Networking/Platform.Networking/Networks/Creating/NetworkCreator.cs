using Microsoft.Extensions.Options;
using Platform.Networking.Addressing;
using Platform.Networking.Bridges;
using Platform.Networking.DataPlane;

namespace Platform.Networking.Networks.Creating;

/// <summary>
/// Creates a network: decided against every other network of the host (name, subnet overlap) and the host's routes,
/// one creation at a time on this host so two requests cannot take the same name or pool subnet. Once the
/// creation is journaled, the data plane makes its bridge.
/// </summary>
public sealed class NetworkCreator(
    NetworkStreams streams, IHostRoutes routes, IOptions<NetworkingOptions> options, INetworkDataPlane dataPlane)
{
    readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<Network> CreateAsync(Func<string, CreateNetwork> command, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        Network network;
        try
        {
            var host = new HostContext(streams.List(), routes.Subnets(), options.Value.Pools);
            var create = command(NetworkIds.New());
            var (state, _) = await streams.WriteAsync(create.NetworkId, (current, now) => CreateNetwork.Decide(current, host, create, now), ct);
            network = state!;
        }
        finally
        {
            _oneAtATime.Release();
        }
        if (NetworkPlans.For(network, options.Value.DefaultBridge.Name) is { } plan) await dataPlane.EnsureNetworkAsync(plan, ct);
        return network;
    }
}

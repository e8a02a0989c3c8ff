using Marten;
using Microsoft.Extensions.Options;
using Platform.Networking.DataPlane;
using Platform.Networking.Networks;
using Platform.ServiceDefaults;

namespace Platform.Networking.Bridges;

/// <summary>
/// After the predefined networks exist: every bridge network of this host gets its bridge (again — the calls are
/// idempotent), and bridges of removed networks that are still there (a crash between commit and removal) go.
/// </summary>
public sealed class BridgesOnStartup(
    IDocumentStore store, NetworkStreams streams, IOptions<PlatformHostOptions> host, IOptions<NetworkingOptions> options,
    INetworkDataPlane dataPlane, ILogger<BridgesOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var plans = streams.List()
            .Select(n => NetworkPlans.For(n, options.Value.DefaultBridge.Name)).OfType<NetworkPlan>().ToList();
        foreach (var plan in plans) await dataPlane.EnsureNetworkAsync(plan, cancellationToken);

        // Only bridges of this host's own removed networks: another platform on the same machine (a second host id)
        // has bridges of the same kind that are none of this one's business.
        var existing = dataPlane.ListBridges().ToHashSet(StringComparer.Ordinal);
        var hostId = host.Value.HostId;
        await using var session = store.QuerySession(); // removed networks are not kept in memory; startup only
        var removed = await session.Query<Network>().Where(n => n.HostId == hostId && n.RemovedAt != null).ToListAsync(cancellationToken);
        var owned = plans.Select(p => p.Bridge).ToHashSet(StringComparer.Ordinal);
        foreach (var plan in removed.Select(n => NetworkPlans.For(n, options.Value.DefaultBridge.Name)).OfType<NetworkPlan>()
                     .Where(p => existing.Contains(p.Bridge) && !owned.Contains(p.Bridge)))
        {
            logger.LogInformation("Removing bridge {Bridge}: its network was removed", plan.Bridge);
            await dataPlane.RemoveNetworkAsync(plan, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Marten;
using Microsoft.Extensions.Options;
using Platform.Networking.DataPlane;
using Platform.Networking.Networks;
using Platform.ServiceDefaults;

namespace Platform.Networking.Bridges;

/// <summary>
/// After the predefined networks exist: every bridge network of this host gets its bridge (again — the calls are
/// idempotent), and bridges the platform made that no network owns any more (a crash between commit and removal)
/// are removed.
/// </summary>
public sealed class BridgesOnStartup(
    IDocumentStore store, IOptions<PlatformHostOptions> host, IOptions<NetworkingOptions> options, INetworkDataPlane dataPlane,
    ILogger<BridgesOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var plans = (await session.ListHostNetworksAsync(host.Value.HostId, cancellationToken))
            .Select(n => NetworkPlans.For(n, options.Value.DefaultBridge.Name)).OfType<NetworkPlan>().ToList();
        foreach (var plan in plans) await dataPlane.EnsureNetworkAsync(plan, cancellationToken);

        var owned = plans.Select(p => p.Bridge).ToHashSet(StringComparer.Ordinal);
        foreach (var leftover in dataPlane.ListBridges().Where(b => !owned.Contains(b)))
        {
            logger.LogInformation("Removing bridge {Bridge}: no network owns it", leftover);
            await dataPlane.RemoveNetworkAsync(NetworkPlans.Leftover(leftover), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

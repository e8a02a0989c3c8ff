using Platform.Networking.DataPlane;

namespace Platform.Networking.Bridges;

/// <summary>
/// The data plane when no kernel implementation is registered: networks are recorded and addresses handed out, but no
/// bridge is made. Logged once per call so a host without one is obvious.
/// </summary>
public sealed class KernelAbsentDataPlane(ILogger<KernelAbsentDataPlane> logger) : INetworkDataPlane
{
    public Task EnsureNetworkAsync(NetworkPlan plan, CancellationToken ct)
    {
        logger.LogWarning("No network data plane on this host: bridge {Bridge} for {Subnet} is not made", plan.Bridge, plan.Subnet);
        return Task.CompletedTask;
    }

    public Task RemoveNetworkAsync(NetworkPlan plan, CancellationToken ct) => Task.CompletedTask;

    public IReadOnlyList<string> ListBridges() => [];
}

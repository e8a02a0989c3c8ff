namespace Platform.Networking.DataPlane;

/// <summary>
/// The kernel side of a network on this host: its Linux bridge with the gateway address, and the isolation rules
/// (no traffic between different networks' bridges; an internal network forwards nothing off its bridge). Every
/// call is idempotent, so a restart can replay them from the recorded state.
/// </summary>
public interface INetworkDataPlane
{
    Task EnsureNetworkAsync(NetworkPlan plan, CancellationToken ct);

    Task RemoveNetworkAsync(NetworkPlan plan, CancellationToken ct);

    /// <summary>Bridges this host has that the platform made (by their name prefix), for cleaning up leftovers.</summary>
    IReadOnlyList<string> ListBridges();
}

/// <param name="Bridge">Interface name, at most 15 characters.</param>
/// <param name="Subnet">CIDR, for example 172.18.0.0/16.</param>
/// <param name="Gateway">The bridge's own address inside <paramref name="Subnet"/>, for example 172.18.0.1.</param>
public sealed record NetworkPlan(string NetworkId, string Bridge, string Subnet, string Gateway, bool Internal, int Mtu = 1500);

using Platform.Networking.DataPlane.Isolation;
using Platform.Networking.DataPlane.Netlink;

namespace Platform.Networking.DataPlane.Bridges;

/// <summary>Networks as Linux bridges in the host namespace, configured over rtnetlink, isolated with iptables.</summary>
internal sealed class KernelNetworkDataPlane(HostNetlink host, NetworkIsolation isolation) : INetworkDataPlane
{
    public async Task EnsureNetworkAsync(NetworkPlan plan, CancellationToken ct)
    {
        var gateway = new Cidr(Cidr.Parse(plan.Gateway).Address, Cidr.Parse(plan.Subnet).PrefixLength);
        var bridge = EnsureBridge(host.Socket, plan);
        var addresses = host.Socket.ListAddresses(bridge.Index);
        if (!addresses.Contains(gateway)) host.Socket.AddAddress(bridge.Index, gateway);
        foreach (var stale in addresses.Where(a => a != gateway)) host.Socket.DeleteAddress(bridge.Index, stale);
        if (!bridge.IsUp) host.Socket.SetUp(bridge.Index);
        await isolation.EnsureAsync(plan.Bridge, plan.Internal, ct);
    }

    public async Task RemoveNetworkAsync(NetworkPlan plan, CancellationToken ct)
    {
        host.Socket.DeleteLink(plan.Bridge);
        await isolation.RemoveAsync(plan.Bridge, ct);
    }

    public IReadOnlyList<string> ListBridges() =>
        host.Socket.ListLinks().Where(l => l.Kind == "bridge" && BridgeNames.IsPlatforms(l.Name)).Select(l => l.Name).ToList();

    static LinkInfo EnsureBridge(NetlinkSocket socket, NetworkPlan plan)
    {
        var bridge = socket.FindLink(plan.Bridge);
        if (bridge is null)
        {
            try { socket.CreateBridge(plan.Bridge, plan.Mtu); }
            catch (Native.SystemCallException e) when (e.ErrorNumber == Native.Errno.EEXIST) { }
            bridge = socket.FindLink(plan.Bridge) ?? throw new InvalidOperationException($"bridge {plan.Bridge} vanished after creation");
        }
        if (bridge.Kind != "bridge") throw new InvalidOperationException($"{plan.Bridge} exists and is a {bridge.Kind ?? "plain"} interface, not a bridge");
        if (bridge.Mtu != plan.Mtu) socket.SetMtu(bridge.Index, plan.Mtu);
        return bridge;
    }
}

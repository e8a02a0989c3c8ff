using Platform.Networking.DataPlane.Namespaces;
using Platform.Networking.DataPlane.Native;
using Platform.Networking.DataPlane.Netlink;

namespace Platform.Networking.DataPlane.Endpoints;

/// <summary>
/// Sandboxes as pinned network namespaces and endpoints as veth pairs made in one rtnetlink request (host end up on
/// the bridge, container end created inside the sandbox under its final name), then addressed and routed from the
/// sandbox's own netlink socket. No process is spawned.
/// </summary>
internal sealed class KernelSandboxDataPlane(HostNetlink host, SandboxNamespaces sandboxes) : ISandboxDataPlane
{
    public Task<string> CreateSandboxAsync(string sandboxId, CancellationToken ct) => sandboxes.CreateAsync(sandboxId);

    public Task RemoveSandboxAsync(string sandboxId, CancellationToken ct)
    {
        sandboxes.Remove(sandboxId);
        return Task.CompletedTask;
    }

    public async Task AttachAsync(EndpointPlan plan, CancellationToken ct)
    {
        var inside = await sandboxes.SocketAsync(plan.SandboxPath);
        var pair = new VethPair(plan.HostInterface, plan.ContainerInterface, plan.Mtu, host.Socket.IndexOf(plan.Bridge), plan.MacAddress);
        CreatePair(pair, plan.SandboxPath, inside);
        var index = inside.IndexOf(plan.ContainerInterface);
        inside.SetUp(index);
        inside.AddAddress(index, Cidr.Parse(plan.Address));
        if (plan.Gateway is { } gateway) inside.ReplaceDefaultRoute(index, Cidr.Parse(gateway).Address);
    }

    public Task DetachAsync(EndpointPlan plan, CancellationToken ct)
    {
        host.Socket.DeleteLink(plan.HostInterface);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> ListSandboxes() => sandboxes.Directory.List();

    /// <summary>Creates the pair; when a name is taken (a retry after a crash), removes both ends and tries once more.</summary>
    void CreatePair(VethPair pair, string sandboxPath, NetlinkSocket inside)
    {
        var fd = (int)Libc.Check(Libc.Open(sandboxPath, Libc.ORdOnly | Libc.OCloexec, 0), "open", sandboxPath);
        try
        {
            try { host.Socket.CreateVeth(pair with { PeerNamespaceFd = fd }); }
            catch (SystemCallException e) when (e.ErrorNumber == Errno.EEXIST)
            {
                host.Socket.DeleteLink(pair.Name);
                inside.DeleteLink(pair.PeerName);
                host.Socket.CreateVeth(pair with { PeerNamespaceFd = fd });
            }
        }
        finally { Libc.Close(fd); }
    }
}

using System.Net;
using Platform.Networking.DataPlane;
using Platform.Networking.Dns;
using Platform.Networking.Dns.Names;
using Platform.Networking.Endpoints;
using Platform.Networking.Ports;
using Platform.Networking.State;
using Platform.ServiceDefaults.Concurrency;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.Sandboxes;

/// <summary>
/// Sandboxes of the containers on this host: a namespace, an endpoint per network (IPAM in the network's turn,
/// a veth into its bridge), the published ports and the DNS names. All or nothing: a failure on the way
/// undoes what was done, so a refused start leaves no namespace, veth, address or listener behind.
/// </summary>
public sealed partial class SandboxManager(
    SandboxStreams sandboxes, ISandboxDataPlane dataPlane, NetworkEndpoints endpoints, PortPublisher ports, DnsNames names,
    ContainerDns dns, TimeProvider time, ILogger<SandboxManager> logger)
{
    /// <summary>One change at a time per container: its namespace, endpoints and stream move together.</summary>
    readonly KeyedLock _containers = new();

    public async Task<SandboxResponse> CreateAsync(SandboxRequest request, CancellationToken ct)
    {
        if (request.Networks.Count == 0) throw DockerApiException.BadRequest("a sandbox needs at least one network");
        using var turn = await _containers.AcquireAsync(request.ContainerId, ct);
        await RemoveInTurnAsync(request.ContainerId); // a restart gets a fresh one
        var id = SandboxState.StreamKey(request.ContainerId);
        var path = await dataPlane.CreateSandboxAsync(request.ContainerId, ct);
        var attached = new List<SandboxAttachment>();
        try
        {
            foreach (var network in request.Networks)
                attached.Add(await AttachAsync(request.ContainerId, request.ContainerName, path, network, attached, ct));
            var published = await PublishAsync(request, attached[0], ct);
            await sandboxes.WriteAsync(request.ContainerId, _ =>
                [new SandboxCreated(id, request.ContainerId, request.ContainerName, path, request.Ports ?? [], published, time.GetUtcNow()),
                 .. attached.Select(a => new SandboxEndpointAttached(id, a, time.GetUtcNow()))]);
            return new SandboxResponse(path, [.. attached.Select(Describe)], published, Nameservers(attached));
        }
        catch
        {
            await ports.UnpublishAsync(request.ContainerId);
            foreach (var a in attached) await DetachQuietlyAsync(path, a);
            await dataPlane.RemoveSandboxAsync(request.ContainerId, CancellationToken.None);
            throw;
        }
    }

    async Task<List<SandboxPort>> PublishAsync(SandboxRequest request, SandboxAttachment primary, CancellationToken ct)
    {
        if (request.Ports is not { Count: > 0 }) return [];
        var target = IPAddress.Parse(primary.Address);
        var bound = await ports.PublishAsync(request.ContainerId,
            [.. request.Ports.Select(p => new PortRequest(p.Protocol, p.HostIp, p.HostPort, target, p.ContainerPort))], ct);
        return [.. bound.Select(b => new SandboxPort(b.Protocol, b.TargetPort, b.HostIp, b.HostPort))];
    }

    async Task<SandboxAttachment> AttachAsync(string containerId, string containerName, string path, SandboxNetworkRequest network,
        IReadOnlyList<SandboxAttachment> existing, CancellationToken ct)
    {
        var joined = await endpoints.JoinAsync(network.Network,
            new JoinEndpoint(containerId, containerName, network.Aliases ?? [], network.IPv4Address), ct);
        var userDefined = joined.Name is not ("bridge" or "host" or "none");
        var dnsNames = userDefined ? [containerName, .. network.Aliases ?? [], containerId[..12]] : new List<string>();
        var attachment = new SandboxAttachment(joined.NetworkId, joined.Name, joined.EndpointId,
            InterfaceNames.ContainerEnd(existing.Select(e => e.Interface)), InterfaceNames.HostEnd(containerId, joined.NetworkId),
            joined.Bridge, joined.Address, joined.PrefixLength, joined.Gateway, joined.MacAddress, userDefined, dnsNames);
        try
        {
            // The first endpoint carries the default route, unless its network is internal (no way out).
            var gateway = existing.Count == 0 && !joined.Internal ? joined.Gateway : null;
            await dataPlane.AttachAsync(new EndpointPlan(path, joined.Bridge, attachment.HostInterface, attachment.Interface,
                $"{joined.Address}/{joined.PrefixLength}", joined.MacAddress, gateway), ct);
            await RegisterAsync(attachment);
            return attachment;
        }
        catch
        {
            await endpoints.LeaveAsync(joined.NetworkId, joined.EndpointId, CancellationToken.None);
            await dataPlane.DetachAsync(new EndpointPlan(path, joined.Bridge, attachment.HostInterface, attachment.Interface,
                "", joined.MacAddress, null), CancellationToken.None);
            throw;
        }
    }

    /// <summary>User networks answer names through the DNS server listening on their gateway.</summary>
    async Task RegisterAsync(SandboxAttachment a)
    {
        if (!a.UserDefined) return;
        await dns.ListenAsync(IPAddress.Parse(a.Gateway), CancellationToken.None);
        names.Register(a.NetworkId, a.EndpointId, IPAddress.Parse(a.Address), a.DnsNames);
    }

    /// <summary>After a restart: the names of a live sandbox's user-network endpoints answer again.</summary>
    public async Task RestoreNamesAsync(SandboxState sandbox)
    {
        foreach (var endpoint in sandbox.Endpoints) await RegisterAsync(endpoint);
    }

    /// <param name="withSandbox">
    /// The namespace goes right after: its veths go with it when the kernel tears it down, in the background. Deleting
    /// each veth here would wait for that teardown's grace periods (≈ 15–25 ms per endpoint) on every stop and --rm.
    /// </param>
    async Task DetachQuietlyAsync(string path, SandboxAttachment a, bool withSandbox = false)
    {
        names.Unregister(a.EndpointId);
        try
        {
            if (!withSandbox)
                await dataPlane.DetachAsync(new EndpointPlan(path, a.Bridge, a.HostInterface, a.Interface, "", a.MacAddress, null), CancellationToken.None);
            await endpoints.LeaveAsync(a.NetworkId, a.EndpointId, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Detaching endpoint {EndpointId} from network {Network} failed: {Error}", a.EndpointId, a.Network, error.Message);
        }
    }

    static SandboxEndpoint Describe(SandboxAttachment a) =>
        new(a.Network, a.NetworkId, a.EndpointId, a.Address, a.PrefixLength, a.Gateway, a.MacAddress,
            a.UserDefined ? [.. a.DnsNames.Skip(1).SkipLast(1)] : null, a.UserDefined ? a.DnsNames : null);

    static List<string> Nameservers(IEnumerable<SandboxAttachment> attached) =>
        [.. attached.Where(a => a.UserDefined).Select(a => a.Gateway).Distinct().Take(1)];
}

using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Networking;

/// <summary>
/// A container's network at start and stop: a sandbox from networking for bridge and user networks, the host's
/// namespace, a new empty one, or another running container's; links and --add-host resolved into /etc/hosts.
/// </summary>
public sealed class ContainerNetworking(NetworkingClient networking, ContainerStore store, ILogger<ContainerNetworking> logger)
{
    public async Task<NetworkAttachment> AttachAsync(Container c, CancellationToken ct)
    {
        var mode = c.HostConfig.NetworkMode;
        var extraHosts = c.HostConfig.ExtraHosts ?? [];
        if (NetworkModes.IsHost(mode)) return new NetworkAttachment(null, true, null, null, Dns(c), extraHosts);
        if (NetworkModes.IsNone(mode)) return NetworkAttachment.Isolated with { Nameservers = Dns(c), ExtraHosts = extraHosts };
        if (NetworkModes.JoinedContainer(mode) is { } joined) return Joined(joined);

        var request = new SandboxRequest(c.Id, c.Name.TrimStart('/'), c.Config.Hostname,
            [.. Ordered(c).Select(n => new SandboxNetworkRequest(n.Key, n.Value.Aliases, n.Value.IPv4Address))], PortRequests.For(c));
        var sandbox = await networking.CreateSandboxAsync(request, ct);
        var state = new ContainerNetworkState(sandbox.SandboxKey, sandbox.Endpoints, sandbox.Ports, sandbox.Nameservers);
        var primary = sandbox.Endpoints.FirstOrDefault();
        var userDefined = sandbox.Endpoints.Any(e => NetworkModes.IsUserDefined(e.Network));
        var nameservers = Dns(c) ?? (userDefined && sandbox.Nameservers.Count > 0 ? sandbox.Nameservers : null);
        var hosts = extraHosts.Select(h => primary is not null && h.EndsWith(":host-gateway", StringComparison.Ordinal)
            ? h[..h.LastIndexOf(':')] + ":" + primary.Gateway : h).Concat(Links(c)).ToList();
        return new NetworkAttachment(sandbox.SandboxKey, false, state, primary?.IPAddress, nameservers, hosts);
    }

    /// <summary>Gives the sandbox back (endpoints, ports, namespace). Never throws: a leftover is logged and retried at the next start.</summary>
    public async Task DetachAsync(string id, CancellationToken ct)
    {
        try
        {
            await networking.RemoveSandboxAsync(id, ct);
        }
        catch (DockerApiException error)
        {
            logger.LogWarning("Network teardown of container {Id} failed: {Error}", id, error.Message);
        }
    }

    public Task<AttachedEndpoint> ConnectAsync(string id, SandboxNetworkRequest request, CancellationToken ct) =>
        networking.ConnectAsync(id, request, ct);

    public Task DisconnectAsync(string id, string network, CancellationToken ct) => networking.DisconnectAsync(id, network, ct);

    /// <summary>
    /// The network named by the mode first (it carries the default route), then the others; a container journaled
    /// before its networks were recorded joins its mode's network.
    /// </summary>
    static IEnumerable<KeyValuePair<string, NetworkEndpointConfig>> Ordered(Container c) =>
        c.Networks.Count == 0
            ? [new(c.HostConfig.NetworkMode, NetworkEndpointConfig.Empty)]
            : c.Networks.OrderBy(n => n.Key == c.HostConfig.NetworkMode ? 0 : 1).ThenBy(n => n.Key, StringComparer.Ordinal);

    static IReadOnlyList<string>? Dns(Container c) => c.HostConfig.Dns is { Count: > 0 } dns ? dns : null;

    NetworkAttachment Joined(string reference)
    {
        var target = store.Find(reference) ?? throw DockerApiException.NotFound($"No such container: {reference}");
        if (!target.IsRunning || target.Pid == 0)
            throw DockerApiException.Conflict($"cannot join network namespace of a non running container: {target.Id}");
        var endpoint = target.Network?.Endpoints.FirstOrDefault();
        return new NetworkAttachment($"/proc/{target.Pid}/ns/net", target.HostConfig.NetworkMode == "host", null, endpoint?.IPAddress,
            target.Network is { Nameservers.Count: > 0 } n && target.Network.Endpoints.Any(e => NetworkModes.IsUserDefined(e.Network)) ? n.Nameservers : null, []);
    }

    /// <summary>--link name:alias on the default bridge: "alias name" resolve to the linked container's address.</summary>
    IEnumerable<string> Links(Container c)
    {
        foreach (var link in c.HostConfig.Links ?? [])
        {
            var parts = link.Split(':', 2);
            var name = parts[0].TrimStart('/');
            var alias = parts.Length > 1 ? parts[1].Split('/').Last() : name;
            if (store.Find(name) is { Network.Endpoints: [var endpoint, ..] } linked)
                yield return (alias == linked.Name.TrimStart('/') ? alias : $"{alias} {linked.Name.TrimStart('/')}") + ":" + endpoint.IPAddress;
        }
    }
}

using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Networking;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Lifecycle;

public sealed partial class ContainerLifecycle
{
    /// <summary>docker network connect: a running container gets its endpoint now, a stopped one at its next start.</summary>
    public async Task ConnectAsync(string reference, NetworkReference network, NetworkEndpointConfig config, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        using (await _turns.AcquireAsync(id, ct))
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            RefuseSpecialModes(c, network);
            if (c.Networks.ContainsKey(network.Name))
                throw DockerApiException.Forbidden($"endpoint with name {c.Name.TrimStart('/')} already exists in network {network.Name}");
            AttachedEndpoint? endpoint = null;
            if (c.Network is not null)
                endpoint = await networking.ConnectAsync(id, new SandboxNetworkRequest(network.Name, config.Aliases, config.IPv4Address), ct);
            await store.RecordAsync(new ContainerConnected(id, network.Name, config, endpoint, time.GetUtcNow()), CancellationToken.None);
        }
    }

    public async Task DisconnectAsync(string reference, NetworkReference network, CancellationToken ct)
    {
        var id = store.Get(reference).Id;
        using (await _turns.AcquireAsync(id, ct))
        {
            var c = store.Current(id) ?? throw DockerApiException.NotFound($"No such container: {reference}");
            if (!c.Networks.ContainsKey(network.Name))
                throw DockerApiException.Forbidden($"container {id} is not connected to network {network.Name}");
            if (c.Network?.Endpoints.Any(e => e.Network == network.Name) == true) await networking.DisconnectAsync(id, network.Name, ct);
            await store.RecordAsync(new ContainerDisconnected(id, network.Name, time.GetUtcNow()), CancellationToken.None);
        }
    }

    static void RefuseSpecialModes(Container c, NetworkReference network)
    {
        if (NetworkModes.IsHost(c.HostConfig.NetworkMode) || network.Driver == "host")
            throw DockerApiException.BadRequest("container cannot be disconnected from host network or connected to host network");
        if (NetworkModes.IsNone(c.HostConfig.NetworkMode) || network.Driver == "null")
            throw DockerApiException.BadRequest("container cannot be connected to multiple networks with one of the networks in private (none) mode");
        if (NetworkModes.JoinedContainer(c.HostConfig.NetworkMode) is not null)
            throw DockerApiException.BadRequest("container sharing network namespace with another container or host cannot be connected to any other network");
    }
}

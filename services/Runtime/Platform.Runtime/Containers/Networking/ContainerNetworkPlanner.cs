using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Networking;

/// <summary>
/// At create: which networks the container joins (by name, the mode's network first) and what it asks of each,
/// refused in moby's words when a joined container is missing or an option needs a user network.
/// </summary>
public sealed class ContainerNetworkPlanner(NetworkingClient networking, ContainerStore store)
{
    public async Task<Dictionary<string, NetworkEndpointConfig>> PlanAsync(HostConfig host, NetworkingConfig? request, CancellationToken ct)
    {
        var endpoints = request?.EndpointsConfig ?? [];
        var planned = new Dictionary<string, NetworkEndpointConfig>(StringComparer.Ordinal);
        if (NetworkModes.JoinedContainer(host.NetworkMode) is { } joined)
        {
            if (store.Find(joined) is null) throw DockerApiException.NotFound($"No such container: {joined}");
            return planned;
        }
        if (!NetworkModes.UsesSandbox(host.NetworkMode)) return planned;
        var requested = host.NetworkMode;
        var primary = requested == NetworkModes.Bridge ? new NetworkReference("", NetworkModes.Bridge, "bridge") : await FindAsync(requested, ct);
        if (primary.Driver is "host" or "null")
        {
            host.NetworkMode = primary.Driver == "host" ? "host" : "none";
            return planned;
        }
        host.NetworkMode = primary.Name;
        // As moby: on the default bridge only when the endpoints asked for name no other network (Testcontainers
        // sends NetworkMode "" with its network in EndpointsConfig: that container is on its network alone).
        var bridgeLeftOut = primary.Name == NetworkModes.Bridge && endpoints.Count > 0
            && !endpoints.ContainsKey(NetworkModes.Bridge) && !endpoints.ContainsKey("default");
        if (!bridgeLeftOut) planned[primary.Name] = Config(endpoints, requested, "default", primary.Name);
        foreach (var (key, settings) in endpoints)
        {
            if (key == requested || key == "default" || key == primary.Name) continue;
            var other = await FindAsync(key, ct);
            if (other.Driver is "host" or "null")
                throw DockerApiException.BadRequest("container cannot be connected to multiple networks with one of the networks in private (none) mode");
            planned[other.Name] = settings?.ToConfig() ?? NetworkEndpointConfig.Empty;
        }
        foreach (var (name, config) in planned.Where(p => !NetworkModes.IsUserDefined(p.Key)))
        {
            if (config.Aliases is { Count: > 0 })
                throw DockerApiException.BadRequest("network-scoped alias is supported only for containers in user defined networks");
            if (config.IPv4Address is not null)
                throw DockerApiException.BadRequest("user specified IP address is supported on user defined networks only");
        }
        return planned;
    }

    /// <summary>
    /// The network a reference names. One that does not exist (yet) is kept by the name given: as in moby, create
    /// succeeds and start fails with "network X not found" (a 404 at create would make the CLI pull the image).
    /// </summary>
    async Task<NetworkReference> FindAsync(string reference, CancellationToken ct)
    {
        try
        {
            return await networking.FindNetworkAsync(reference, ct);
        }
        catch (DockerApiException error) when (error.StatusCode == StatusCodes.Status404NotFound)
        {
            return new NetworkReference("", reference, "bridge");
        }
    }

    static NetworkEndpointConfig Config(Dictionary<string, EndpointSettings?> endpoints, params string[] keys) =>
        keys.Select(k => endpoints.GetValueOrDefault(k)).FirstOrDefault(s => s is not null)?.ToConfig() ?? NetworkEndpointConfig.Empty;
}

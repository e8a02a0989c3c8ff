using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Networking;

namespace Platform.Runtime.Containers.Inspecting;

/// <summary>
/// NetworkSettings as clients read them (docker-api.md §5.1, §5.2): every exposed or bound port, null until bound;
/// one entry per network, filled while the container runs (Testcontainers reads the first one's IPAddress).
/// </summary>
public static class ContainerNetworkSettings
{
    static readonly EndpointJson Unattached = new(null, null, null, "", null, 0, "", "", "", "", 0, "", "", 0, null);

    public static NetworkSettingsJson Of(Container c)
    {
        var state = c.Network;
        return new NetworkSettingsJson("", state is null ? "" : c.Id, state?.SandboxKey ?? "", Ports(c), Networks(c));
    }

    static Dictionary<string, List<PortBindingJson>?> Ports(Container c)
    {
        var ports = new Dictionary<string, List<PortBindingJson>?>(StringComparer.Ordinal);
        foreach (var key in (c.Config.ExposedPorts ?? []).Keys.Concat((c.HostConfig.PortBindings ?? []).Keys)) ports[Key(key)] = null;
        foreach (var published in c.Network?.Ports ?? [])
        {
            var key = $"{published.ContainerPort}/{published.Protocol}";
            if (ports.GetValueOrDefault(key) is not { } bound) ports[key] = bound = [];
            bound.Add(new PortBindingJson(published.HostIp, published.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return ports;
    }

    static string Key(string key) => key.Contains('/') ? key : key + "/tcp";

    static Dictionary<string, EndpointJson> Networks(Container c)
    {
        var mode = c.HostConfig.NetworkMode;
        if (NetworkModes.JoinedContainer(mode) is not null) return [];
        if (!NetworkModes.UsesSandbox(mode)) return new() { [mode] = Unattached };
        var networks = new Dictionary<string, EndpointJson>(StringComparer.Ordinal);
        foreach (var (name, config) in c.Networks)
        {
            var endpoint = c.Network?.Endpoints.FirstOrDefault(e => e.Network == name);
            var ipam = config.IPv4Address is null ? null : new Dictionary<string, string> { ["IPv4Address"] = config.IPv4Address };
            networks[name] = endpoint is null
                ? Unattached with { Aliases = config.Aliases, IPAMConfig = ipam }
                : new EndpointJson(ipam, config.Links, config.Aliases, endpoint.MacAddress, null, 0, endpoint.NetworkId, endpoint.EndpointId,
                    endpoint.Gateway, endpoint.IPAddress, endpoint.IPPrefixLen, "", "", 0, endpoint.DnsNames);
        }
        return networks;
    }
}

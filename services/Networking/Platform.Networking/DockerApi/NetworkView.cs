using Platform.Networking.Networks;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>A network as Docker shows it; <c>withContainers</c> for inspect (a list never carries containers since 1.28).</summary>
public static class NetworkView
{
    static readonly Dictionary<string, string> Empty = new();

    public static NetworkResource Of(Network network, bool withContainers) => new(
        network.Name,
        network.Id,
        DockerTimestamps.Json(network.CreatedAt),
        network.Scope,
        network.Driver,
        EnableIPv4: true,
        EnableIPv6: false,
        new IpamResource("default", Empty, network.Subnet is null ? [] :
        [
            new IpamConfigResource(network.Subnet, network.IPRange, network.Gateway,
                network.AuxiliaryAddresses.Count > 0 ? network.AuxiliaryAddresses : null),
        ]),
        network.Internal,
        network.Attachable,
        Ingress: false,
        new ConfigReference(""),
        ConfigOnly: false,
        withContainers ? Containers(network) : new Dictionary<string, EndpointResource>(),
        network.Options,
        network.Labels);

    static Dictionary<string, EndpointResource> Containers(Network network) =>
        network.Endpoints.ToDictionary(
            e => e.ContainerId,
            e => new EndpointResource(e.ContainerName, e.EndpointId, e.MacAddress, $"{e.Address}/{e.PrefixLength}", ""));
}

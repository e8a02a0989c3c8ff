namespace Platform.Networking.Endpoints;

/// <summary>
/// A container's endpoint on a network with everything its inspect (NetworkSettings.Networks) and its sandbox need:
/// the address with prefix length, the gateway, the MAC, the bridge its veth goes on.
/// </summary>
public sealed record JoinedEndpoint(
    string NetworkId,
    string Name,
    string EndpointId,
    string ContainerId,
    string Address,
    int PrefixLength,
    string Gateway,
    string MacAddress,
    IReadOnlyList<string> Aliases,
    string Bridge,
    bool Internal);

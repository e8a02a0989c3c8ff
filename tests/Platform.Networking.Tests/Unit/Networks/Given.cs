using Platform.Networking.Addressing;
using Platform.Networking.Networks;

namespace Platform.Networking.Tests.Unit.Networks;

/// <summary>Folds events into the aggregate exactly as the store does: Create from the first, Apply for the rest.</summary>
static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Network? NoHistory => null;

    public static Network? Events(params object[] history) => history.Aggregate((Network?)null, (state, e) => (state, e) switch
    {
        (null, NetworkCreated created) => Network.Create(created),
        ({ } network, NetworkRemoved removed) => network.Apply(removed),
        ({ } network, EndpointJoined joined) => network.Apply(joined),
        ({ } network, EndpointLeft left) => network.Apply(left),
        _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an existing network")}"),
    });

    public static NetworkCreated UserNetwork(
        string id = "a1", string name = "backend", string subnet = "10.10.0.0/24", string gateway = "10.10.0.1",
        string? ipRange = null, IReadOnlyDictionary<string, string>? aux = null, bool fromPool = false) => new(
        id, "host-1", name, "bridge", "local", subnet, gateway, ipRange, aux, fromPool, Internal: false, Attachable: true,
        Predefined: false, new Dictionary<string, string> { ["team"] = "db" }, new Dictionary<string, string>(), Now.AddHours(-1));

    public static EndpointJoined Joined(string networkId, string container, string address, string? endpointId = null) => new(
        networkId, "host-1", "backend", endpointId ?? "ep-" + container, container, container, address, 24,
        Ipv4.MacFor(Ipv4.TryParse(address, out var a) ? a : 0), [], Now.AddMinutes(-5));

    public static HostContext Host(params Network[] networks) => new(networks, [], AddressPool.Defaults);
}

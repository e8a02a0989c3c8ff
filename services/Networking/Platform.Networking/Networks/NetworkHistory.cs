namespace Platform.Networking.Networks;

/// <summary>Folds a network's events as Marten's snapshot does (Create from the first, Apply for the rest), in memory.</summary>
public static class NetworkHistory
{
    public static Network Fold(Network? state, object e) => (state, e) switch
    {
        (null, NetworkCreated created) => Network.Create(created),
        ({ } network, NetworkRemoved removed) => network.Apply(removed),
        ({ } network, EndpointJoined joined) => network.Apply(joined),
        ({ } network, EndpointLeft left) => network.Apply(left),
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an existing network")}"),
    };
}

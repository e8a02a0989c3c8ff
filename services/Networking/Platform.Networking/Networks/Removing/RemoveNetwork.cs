namespace Platform.Networking.Networks.Removing;

/// <summary>A user asks to remove a network (DELETE /networks/{id}, or a prune).</summary>
public sealed record RemoveNetwork(string NetworkId)
{
    public static IReadOnlyList<object> Decide(Network? state, RemoveNetwork command, DateTimeOffset now)
    {
        if (state is not { Exists: true }) throw NetworkError.NotFound(command.NetworkId);
        if (state.Predefined)
            throw NetworkError.Forbidden($"{state.Name} is a pre-defined network and cannot be removed");
        if (state.Endpoints.Count > 0)
            throw NetworkError.Forbidden(
                $"error while removing network: network {state.Name} id {state.Id} has active endpoints ({string.Join(", ", state.Endpoints.Select(e => e.ContainerName))})");
        return [new NetworkRemoved(command.NetworkId, state.HostId, state.Name, state.Driver, now)];
    }
}

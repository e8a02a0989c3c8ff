namespace Platform.Networking.Networks.Removing;

/// <summary>A user asks to remove a network (DELETE /networks/{id}, built in a later slice).</summary>
public sealed record RemoveNetwork(string NetworkId)
{
    public static IReadOnlyList<object> Decide(Network? state, RemoveNetwork command, DateTimeOffset now)
    {
        if (state is not { Exists: true }) throw NetworkError.NotFound(command.NetworkId);
        if (state.Predefined)
            throw NetworkError.Forbidden($"{state.Name} is a pre-defined network and cannot be removed");
        return [new NetworkRemoved(command.NetworkId, now)];
    }
}

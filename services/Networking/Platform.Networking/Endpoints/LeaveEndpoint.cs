using Platform.Networking.Networks;

namespace Platform.Networking.Endpoints;

/// <summary>A container leaves a network. Idempotent: leaving twice, or a network already gone, changes nothing.</summary>
public sealed record LeaveEndpoint(string NetworkId, string EndpointId)
{
    public static IReadOnlyList<object> Decide(Network? state, LeaveEndpoint command, DateTimeOffset now) =>
        state?.Endpoints.FirstOrDefault(e => e.EndpointId == command.EndpointId) is { } endpoint
            ? [new EndpointLeft(state.Id, state.HostId, state.Name, endpoint.EndpointId, endpoint.ContainerId, now)]
            : [];
}

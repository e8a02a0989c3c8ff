using System.Collections.Concurrent;
using Platform.Networking.DataPlane;

namespace Platform.Networking.Tests.Integration;

/// <summary>The kernel side as these tests see it: every call recorded in order, bridges listed as the test says.</summary>
public sealed class RecordingDataPlane : INetworkDataPlane
{
    readonly ConcurrentQueue<(string Call, NetworkPlan Plan)> _calls = new();

    public List<string> Bridges { get; } = [];

    public IReadOnlyList<(string Call, NetworkPlan Plan)> Calls => [.. _calls];

    public IReadOnlyList<NetworkPlan> Ensured => [.. _calls.Where(c => c.Call == "ensure").Select(c => c.Plan)];

    public IReadOnlyList<NetworkPlan> Removed => [.. _calls.Where(c => c.Call == "remove").Select(c => c.Plan)];

    public Task EnsureNetworkAsync(NetworkPlan plan, CancellationToken ct)
    {
        _calls.Enqueue(("ensure", plan));
        return Task.CompletedTask;
    }

    public Task RemoveNetworkAsync(NetworkPlan plan, CancellationToken ct)
    {
        _calls.Enqueue(("remove", plan));
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> ListBridges() => [.. Bridges];
}

using Microsoft.Extensions.Options;
using Platform.Networking.State;
using Platform.Networking.State.Journal;
using Platform.ServiceDefaults;

namespace Platform.Networking.Networks;

/// <summary>
/// This host's networks, held in memory as the authority (loaded from Marten at startup): decide-journal-apply on one
/// network's stream in its turn, so concurrent joins on one network never share an address and never touch the
/// database. The journal carries every write to Marten afterwards, in order.
/// </summary>
public sealed class NetworkStreams(StateJournal journal, IOptions<PlatformHostOptions> host, TimeProvider clock)
{
    readonly JournaledStreams<Network> _streams = new(journal, NetworkHistory.Fold);

    public string HostId => host.Value.HostId;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>This host's live networks.</summary>
    public IReadOnlyList<Network> List() => [.. _streams.All.Where(n => n.Exists && n.HostId == HostId)];

    /// <summary>The live network <paramref name="idOrName"/> names (404 when none).</summary>
    public Network Resolve(string idOrName) => List().Resolve(idOrName) ?? throw NetworkError.NotFound(idOrName);

    /// <summary>Journals what <paramref name="decide"/> returns, on the state it saw; returns the folded new state.</summary>
    public Task<(Network? State, IReadOnlyList<object> Events)> WriteAsync(
        string networkId, Func<Network?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) =>
        _streams.WriteAsync(networkId, current => decide(current, Now), ct);

    /// <summary>At startup: a network as Marten has it, with its stream version.</summary>
    public void Load(Network network, long version) => _streams.Load(network.Id, network, version);
}

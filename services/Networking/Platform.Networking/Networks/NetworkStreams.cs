using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Networking.Networks;

/// <summary>
/// Fetch-decide-append on one network stream, with this host's identity and clock. Writers to one stream take turns
/// in this process (so concurrent joins do not burn their retries on each other); the stream's version still guards
/// against any other writer.
/// </summary>
public sealed class NetworkStreams(IDocumentStore store, IOptions<PlatformHostOptions> host, TimeProvider clock)
{
    readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);

    public string HostId => host.Value.HostId;
    public DateTimeOffset Now => clock.GetUtcNow();
    public IDocumentStore Store => store;

    /// <summary>This host's live networks, and the one <paramref name="idOrName"/> names (404 when none).</summary>
    public async Task<Network> ResolveAsync(string idOrName, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var networks = await session.ListHostNetworksAsync(HostId, ct);
        return networks.Resolve(idOrName) ?? throw NetworkError.NotFound(idOrName);
    }

    /// <summary>Appends what <paramref name="decide"/> returns, on the version it saw; returns the folded new state.</summary>
    public Task<(Network? State, IReadOnlyList<object> Events)> WriteAsync(
        string networkId, Func<Network?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) =>
        OptimisticRetry.RunAsync(async () =>
        {
            var turn = _turns.GetOrAdd(networkId, _ => new SemaphoreSlim(1, 1));
            await turn.WaitAsync(ct);
            try
            {
                return await AppendAsync(networkId, decide, ct);
            }
            finally
            {
                turn.Release();
            }
        }, ct);

    async Task<(Network? State, IReadOnlyList<object> Events)> AppendAsync(
        string networkId, Func<Network?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Network>(networkId, ct);
        var events = decide(stream.Aggregate, Now);
        if (events.Count == 0) return (stream.Aggregate, events);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return (await session.LoadAsync<Network>(networkId, ct), events);
    }
}

using Marten;
using Microsoft.Extensions.Options;
using Platform.Networking.Networks;
using Platform.Networking.Sandboxes;
using Platform.ServiceDefaults;

namespace Platform.Networking.State;

/// <summary>
/// Before anything else of the service starts: what the journal holds from the last run goes to Marten first (a
/// kill -9 may have left entries the database never got), then this host's networks and sandboxes, with their stream
/// versions, are loaded into memory, which is the authority from then on.
/// </summary>
public sealed class StateOnStartup(
    Journal.StateJournal journal, JournalToMarten writer, IDocumentStore store, StreamVersions versions, NetworkStreams networks,
    SandboxStreams sandboxes, IOptions<PlatformHostOptions> host, ILogger<StateOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (journal.Recovered.Count > 0)
        {
            await writer.WriteAsync(journal.Recovered, cancellationToken);
            logger.LogInformation("Networking journal: {Entries} entries of the last run are in the database", journal.Recovered.Count);
        }

        await using var session = store.QuerySession();
        var hostNetworks = await session.ListHostNetworksAsync(host.Value.HostId, cancellationToken);
        var live = (await session.Query<SandboxState>().Where(s => s.RemovedAt == null).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var known = await versions.ReadAsync([.. hostNetworks.Select(n => n.Id)], cancellationToken);
        foreach (var network in hostNetworks) networks.Load(network, known.GetValueOrDefault(network.Id));
        foreach (var (stream, version) in known.Where(k => k.Key.StartsWith(SandboxState.StreamKey(""), StringComparison.Ordinal)))
            sandboxes.Load(stream, live.GetValueOrDefault(stream), version);
        logger.LogInformation("Networking state loaded: {Networks} networks, {Sandboxes} live sandboxes", hostNetworks.Count, live.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

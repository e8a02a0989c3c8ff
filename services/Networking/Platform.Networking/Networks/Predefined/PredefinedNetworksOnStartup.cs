using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Networking.Networks.Predefined;

/// <summary>
/// Ensures this host's predefined networks before the service takes traffic. A second start appends nothing; a
/// concurrent start of another instance for the same host may win the race, which is fine: the network exists.
/// </summary>
public sealed class PredefinedNetworksOnStartup(
    IDocumentStore store, IOptions<PlatformHostOptions> host, IOptions<NetworkingOptions> options, TimeProvider clock, ILogger<PredefinedNetworksOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var command in PredefinedNetworks.For(host.Value.HostId, options.Value.DefaultBridge))
            await EnsureAsync(command, cancellationToken);
    }

    async Task EnsureAsync(EnsurePredefinedNetwork command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Network>(command.NetworkId, cancellationToken);
        var events = EnsurePredefinedNetwork.Decide(stream.Aggregate, command, clock.GetUtcNow());
        if (events.Count == 0) return;
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created predefined network {Name} ({NetworkId})", command.Name, command.NetworkId);
        }
        catch (Exception ex) when (ex is ConcurrencyException or ExistingStreamIdCollisionException)
        {
            logger.LogInformation("Predefined network {Name} was created concurrently by another instance", command.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class PredefinedNetworksExtensions
{
    public static IHostApplicationBuilder AddPredefinedNetworks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PredefinedNetworksOnStartup>();
        builder.Services.AddHostedService<Bridges.BridgesOnStartup>(); // after: the predefined bridge is among them
        return builder;
    }
}

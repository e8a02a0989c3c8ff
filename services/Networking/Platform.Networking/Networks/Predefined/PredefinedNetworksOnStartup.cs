using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Networking.Networks.Predefined;

/// <summary>
/// Ensures this host's predefined networks before the service takes traffic, against the host's networks as loaded
/// at startup: a second start journals nothing.
/// </summary>
public sealed class PredefinedNetworksOnStartup(
    NetworkStreams streams, IOptions<PlatformHostOptions> host, IOptions<NetworkingOptions> options, ILogger<PredefinedNetworksOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var command in PredefinedNetworks.For(host.Value.HostId, options.Value.DefaultBridge))
        {
            var (_, events) = await streams.WriteAsync(command.NetworkId, (current, now) => EnsurePredefinedNetwork.Decide(current, command, now), cancellationToken);
            if (events.Count > 0) logger.LogInformation("Created predefined network {Name} ({NetworkId})", command.Name, command.NetworkId);
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

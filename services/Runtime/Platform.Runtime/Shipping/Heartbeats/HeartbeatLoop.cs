using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;
using RabbitMQ.Client;

namespace Platform.Runtime.Shipping.Heartbeats;

/// <summary>Tells the fleet this host is alive: a heartbeat at start, then every Platform:Heartbeat:Interval.</summary>
public sealed class HeartbeatLoop(
    HeartbeatSender sender, IConfiguration configuration, IOptions<PlatformHostOptions> host, IOptions<HeartbeatOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uri = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(uri)) return; // no broker configured: the journal shipper has said so
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = $"platform-runtime-heartbeat@{host.Value.HostId}" };
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do await sender.TrySendAsync(factory, stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            await sender.DisposeAsync();
        }
    }
}

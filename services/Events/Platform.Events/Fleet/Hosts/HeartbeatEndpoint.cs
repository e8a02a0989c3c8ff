using MassTransit;

namespace Platform.Events.Fleet.Hosts;

/// <summary>
/// Heartbeats have their own queue: they must not wait behind a backlog of state log entries (nor slow it down),
/// and, being worthless once stale, they expire in the queue after a minute instead of piling up while events is down.
/// One at a time, in queue order: they are few (one per host per interval), and a host's heartbeats then land in the
/// order it sent them.
/// </summary>
public static class HeartbeatEndpoint
{
    public const string Name = "events-fleet-heartbeats";
    static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Name = Name;
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.AddConfigureEndpointCallback(configure =>
        {
            if (configure is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQueueArgument("x-message-ttl", (long)Expiry.TotalMilliseconds);
        });
    }
}

using MassTransit;

namespace Platform.Events.Ingesting;

/// <summary>
/// Every ingesting consumer shares one queue, one message at a time, so the state log records each publisher's
/// messages in the order it published them (a create is never logged after the remove that followed it).
/// </summary>
public static class StateLogEndpoint
{
    public const string Name = "events-state-log";

    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Name = Name;
        endpoint.ConcurrentMessageLimit = 1;
    }
}

using JasperFx.Events;

namespace Platform.ServiceDefaults.Rails.IntegrationEvents;

/// <summary>
/// One per service: turns a committed domain event into the integration contract it publishes, or null for an event
/// that stays inside the service. Write it as an explicit switch over the service's domain event types.
/// </summary>
public interface IIntegrationEventMapper
{
    object? Map(IEvent @event);
}

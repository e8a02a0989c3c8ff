namespace Platform.ServiceDefaults.Rails.IntegrationEvents;

/// <summary>A committed event could not be published; its page is retried, never skipped.</summary>
public sealed class IntegrationEventPublishFailed(Guid eventId, long sequence, Type messageType, Exception inner)
    : Exception($"Publishing {messageType.Name} for event {eventId} (sequence {sequence}) failed: {inner.Message}", inner)
{
    public Guid EventId { get; } = eventId;
    public long Sequence { get; } = sequence;
}

using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Rails.IntegrationEvents;

/// <summary>
/// A Marten subscription that publishes a service's committed domain events, in order, as integration contracts.
/// MessageId = the Marten event id, so consumers dedupe redeliveries. At least once: the page's progress is committed
/// only after every message in it was confirmed by the broker. When a publish fails or times out the page throws,
/// the daemon pauses the subscription without advancing it, and restarts it a few seconds later from the last
/// committed position — so nothing is skipped, and publishing resumes by itself once the broker is back.
/// </summary>
public sealed class IntegrationEventPublisher(
    IBus bus, IIntegrationEventMapper mapper, ILogger<IntegrationEventPublisher> logger) : SubscriptionBase
{
    /// <summary>How long one publish may wait for the broker's confirm before the page is failed.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            if (mapper.Map(@event) is not { } message) continue;
            await PublishAsync(@event.Id, @event.Sequence, message, cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    async Task PublishAsync(Guid eventId, long sequence, object message, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(c =>
            {
                c.MessageId = eventId;
                // Unroutable (no queue bound yet, e.g. a fresh vhost before the events service binds) is a failure,
                // not a silent drop: the subscription pauses and publishes again once a consumer is bound.
                c.Mandatory = true;
            }), timeout.Token);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // Never surface a cancellation here: the daemon drops a cancelled page silently instead of pausing.
            logger.LogWarning(ex, "Publishing {MessageType} for event {EventId} (sequence {Sequence}) failed; the subscription pauses and retries from its last committed position",
                message.GetType().Name, eventId, sequence);
            throw new IntegrationEventPublishFailed(eventId, sequence, message.GetType(), ex);
        }
    }
}

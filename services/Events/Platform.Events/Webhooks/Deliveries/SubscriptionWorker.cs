using Marten;
using Platform.Events.StateLog;
using Platform.Events.Webhooks.Sending;
using Platform.Events.Webhooks.Subscriptions;

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// Delivers one subscription's events, one at a time in state log order: the oldest pending delivery goes first and
/// the next waits for it (its backoff included) until it is delivered or dead. Each subscription has its own worker,
/// so a slow or dead receiver holds up nobody else.
/// </summary>
public sealed class SubscriptionWorker(
    Subscription subscription, IDocumentStore store, WebhookSender sender, WebhookOptions options, TimeProvider time, ILogger logger)
{
    readonly Wakeup _wakeup = new();
    readonly RetryPolicy _policy = RetryPolicy.From(options);

    public Subscription Subscription => subscription;

    public void Wake() => _wakeup.Set();

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var wait = await DeliverNextAsync(ct);
                if (wait > TimeSpan.Zero) await _wakeup.WaitAsync(wait, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Deliveries of subscription {Subscription} failed; trying again", subscription.Id);
                await _wakeup.WaitAsync(options.PollInterval, ct);
            }
        }
    }

    /// <returns>how long to wait before looking again (zero: at once).</returns>
    async Task<TimeSpan> DeliverNextAsync(CancellationToken ct)
    {
        Delivery? head;
        LogEntry? entry = null;
        await using (var query = store.QuerySession())
        {
            head = await query.Query<Delivery>()
                .Where(d => d.SubscriptionId == subscription.Id && d.Status == Delivery.Pending)
                .OrderBy(d => d.Position).ThenBy(d => d.CreatedAt)
                .FirstOrDefaultAsync(ct);
            if (head is null) return options.PollInterval;
            var due = head.NextAttemptAt!.Value - time.GetUtcNow();
            if (due > TimeSpan.Zero) return due < options.PollInterval ? due : options.PollInterval;
            entry = await query.LoadAsync<LogEntry>(head.EventId, ct);
        }

        var outcome = entry is null
            ? new AttemptOutcome(false, false, null, "the event is no longer in the state log")
            : await sender.SendAsync(subscription.Url, subscription.Secret, entry, ct);
        await DeliveryChanges.ApplyAsync(store, head.Id,
            d => d.Status == Delivery.Pending ? d.Attempted(outcome, time.GetUtcNow(), _policy, Random.Shared.NextDouble()) : d, ct);
        if (!outcome.Succeeded)
            logger.LogInformation("Delivery {Delivery} of {EventId} to {Url}: {Error}", head.Id, head.EventId, subscription.Url, outcome.Error);
        return TimeSpan.Zero;
    }
}

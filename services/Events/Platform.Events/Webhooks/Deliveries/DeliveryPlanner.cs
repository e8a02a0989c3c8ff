using Marten;
using Platform.Events.StateLog;
using Platform.Events.Webhooks.Subscriptions;

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// Turns new state log entries into deliveries: for each live subscription, every entry after its cursor that its
/// filters match becomes a pending delivery, and the cursor moves past the page — in one transaction, so an entry is
/// planned for a subscription exactly once, whatever crashes around it. The log is read once for all subscriptions.
/// </summary>
public sealed class DeliveryPlanner(IDocumentStore store, TimeProvider time)
{
    const int Page = 1000;

    /// <returns>the subscriptions that got new deliveries.</returns>
    public async Task<IReadOnlySet<string>> PlanAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken ct)
    {
        var woken = new HashSet<string>(StringComparer.Ordinal);
        if (subscriptions.Count == 0) return woken;
        while (true)
        {
            await using var session = store.LightweightSession();
            var cursors = (await session.LoadManyAsync<DeliveryCursor>(ct, subscriptions.Select(s => s.Id)))
                .ToDictionary(c => c.Id, c => c.Position, StringComparer.Ordinal);
            long CursorOf(Subscription s) => cursors.TryGetValue(s.Id, out var position) ? position : s.StartAfter;

            var from = subscriptions.Min(CursorOf);
            var entries = await session.Query<LogEntry>().Where(x => x.Position > from).OrderBy(x => x.Position).Take(Page).ToListAsync(ct);
            if (entries.Count == 0) return woken;
            var last = entries[^1].Position;
            var now = time.GetUtcNow();
            foreach (var subscription in subscriptions)
            {
                var cursor = CursorOf(subscription);
                if (cursor >= last) continue;
                foreach (var entry in entries.Where(e => e.Position > cursor && subscription.Filters.Matches(e)))
                {
                    session.Insert(Delivery.Plan(Guid.CreateVersion7(now), subscription.Id, entry.Id, entry.Position, Sending.CloudEvent.TypeOf(entry), now));
                    woken.Add(subscription.Id);
                }
                session.Store(new DeliveryCursor(subscription.Id, last));
            }
            await session.SaveChangesAsync(ct);
            if (entries.Count < Page) return woken;
        }
    }
}

using Marten;
using JasperFx;

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// Load-change-store of one delivery under optimistic concurrency: the worker recording an attempt and the API
/// redelivering can meet on one delivery, and neither may overwrite the other unseen.
/// </summary>
public static class DeliveryChanges
{
    public static async Task<Delivery?> ApplyAsync(IDocumentStore store, Guid id, Func<Delivery, Delivery> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<Delivery>(id, ct) is not { } current) return null;
            var changed = change(current);
            if (ReferenceEquals(changed, current)) return current;
            session.Store(changed);
            try
            {
                await session.SaveChangesAsync(ct);
                return changed;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
            }
        }
    }
}

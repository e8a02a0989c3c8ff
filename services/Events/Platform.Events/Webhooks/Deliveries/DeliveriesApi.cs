using Marten;
using Platform.Events.Webhooks.Subscriptions;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>GET /api/v1/subscriptions/{id}/deliveries and POST …/deliveries/{deliveryId}/redeliver.</summary>
public static class DeliveriesApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/deliveries", ListAsync).WithSummary("A subscription's deliveries in state log order (?status=&after=&limit=)");
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync)
            .WithSummary("Send a delivery again, next in line, with a fresh set of attempts");
        return group;
    }

    static async Task<IResult> ListAsync(string id, IQuerySession session, CancellationToken ct,
        string? status = null, long after = 0, int limit = DefaultLimit)
    {
        if (limit is < 1 or > MaxLimit) throw DockerApiException.BadRequest($"limit must be between 1 and {MaxLimit}");
        if (after < 0) throw DockerApiException.BadRequest("after must be a position (0 or more)");
        if (status is not null && !Delivery.Statuses.Contains(status))
            throw DockerApiException.BadRequest($"status must be one of {string.Join(", ", Delivery.Statuses)}");
        var subscription = await session.LiveSubscriptionAsync(id, ct);
        var query = session.Query<Delivery>().Where(d => d.SubscriptionId == subscription.Id && d.Position > after);
        if (status is not null) query = query.Where(d => d.Status == status);
        var page = await query.OrderBy(d => d.Position).ThenBy(d => d.CreatedAt).Take(limit + 1).ToListAsync(ct);
        var deliveries = page.Take(limit).Select(DeliveryView.From).ToList();
        return TypedResults.Ok(new DeliveriesPage(deliveries, page.Count > limit ? deliveries[^1].Position : null));
    }

    static async Task<IResult> RedeliverAsync(string id, string deliveryId, IDocumentStore store, DeliveryService delivery,
        TimeProvider time, CancellationToken ct)
    {
        await using (var session = store.QuerySession())
        {
            var subscription = await session.LiveSubscriptionAsync(id, ct);
            if (!Guid.TryParse(deliveryId, out var key) || await session.LoadAsync<Delivery>(key, ct) is not { } found || found.SubscriptionId != subscription.Id)
                throw DockerApiException.NotFound($"no such delivery: {deliveryId}");
        }
        var requeued = await DeliveryChanges.ApplyAsync(store, Guid.Parse(deliveryId), d => d.Redelivered(time.GetUtcNow()), ct);
        delivery.Wake(id);
        return TypedResults.Accepted($"/api/v1/subscriptions/{id}/deliveries", DeliveryView.From(requeued!));
    }
}

public sealed record DeliveriesPage(IReadOnlyList<DeliveryView> Deliveries, long? Next);

/// <summary>One delivery as the API shows it.</summary>
public sealed record DeliveryView(
    Guid Id, Guid EventId, long Position, string EventType, string Status, int Attempts, int? ResponseCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryView From(Delivery d) => new(d.Id, d.EventId, d.Position, d.EventType, d.Status, d.Attempts, d.ResponseCode,
        d.LastError, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt);
}

using Marten;
using Microsoft.Extensions.Options;
using Platform.Events.StateLog;
using Platform.Events.Webhooks.Deliveries;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>POST/GET /api/v1/subscriptions, GET/DELETE /api/v1/subscriptions/{id}.</summary>
public static class SubscriptionsApi
{
    public const int BodyLimit = 64 * 1024;

    public static RouteGroupBuilder MapSubscriptions(this RouteGroupBuilder group)
    {
        group.MapPost("", CreateAsync).WithSummary("Subscribe a webhook receiver to state log events")
            .Produces<SubscriptionView>(StatusCodes.Status201Created).Accepts<SubscriptionRequest>("application/json");
        group.MapGet("", ListAsync).WithSummary("List the live subscriptions");
        group.MapGet("/{id}", GetAsync).WithSummary("One subscription (never its secret)");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Stop a subscription: nothing more is delivered to it");
        return group;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, IDocumentStore store, IOptions<WebhookOptions> options,
        DeliveryService delivery, TimeProvider time, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SubscriptionRequest>(request, BodyLimit, ct);
        var (url, secret, filters, description) = body.Validate(options.Value.AllowLinkLocal);
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        await using var session = store.LightweightSession();
        var created = new SubscriptionCreated(id, url, secret, filters, description, await session.LastPositionAsync(ct), time.GetUtcNow());
        session.Events.StartStream<Subscription>(id, created);
        await session.SaveChangesAsync(ct);
        delivery.Wake();
        return TypedResults.Created($"/api/v1/subscriptions/{id}", SubscriptionView.From(Subscription.Create(created)));
    }

    static async Task<IResult> ListAsync(IQuerySession session, CancellationToken ct)
    {
        var live = await session.Query<Subscription>().Where(s => s.DeletedAt == null).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(live.Select(SubscriptionView.From).ToList());
    }

    static async Task<IResult> GetAsync(string id, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(SubscriptionView.From(await session.LiveSubscriptionAsync(id, ct)));

    static async Task<IResult> DeleteAsync(string id, IDocumentStore store, DeliveryService delivery, TimeProvider time, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var subscription = await session.LiveSubscriptionAsync(id, ct);
        session.Events.Append(subscription.Id, new SubscriptionDeleted(subscription.Id, time.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        delivery.Wake();
        return TypedResults.NoContent();
    }

    /// <summary>The live subscription <paramref name="id"/>, or a 404 (deleted ones included: they are gone for users).</summary>
    public static async Task<Subscription> LiveSubscriptionAsync(this IQuerySession session, string id, CancellationToken ct) =>
        Guid.TryParse(id, out _) && await session.LoadAsync<Subscription>(id, ct) is { Active: true } subscription
            ? subscription
            : throw DockerApiException.NotFound($"no such subscription: {id}");
}

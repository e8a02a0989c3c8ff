namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>
/// A webhook subscription, folded from its stream (stream key = the subscription id). StartAfter is the state log
/// position it was created at: it receives what happens from then on. The secret stays inside the service.
/// </summary>
public sealed record Subscription(
    string Id,
    string Url,
    string Secret,
    SubscriptionFilters Filters,
    string? Description,
    long StartAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt)
{
    public bool Active => DeletedAt is null;

    public static Subscription Create(SubscriptionCreated e) =>
        new(e.SubscriptionId, e.Url, e.Secret, e.Filters, e.Description, e.StartAfter, e.CreatedAt, DeletedAt: null);

    public Subscription Apply(SubscriptionDeleted e) => this with { DeletedAt = e.DeletedAt };
}

public sealed record SubscriptionCreated(
    string SubscriptionId, string Url, string Secret, SubscriptionFilters Filters, string? Description, long StartAfter,
    DateTimeOffset CreatedAt);

public sealed record SubscriptionDeleted(string SubscriptionId, DateTimeOffset DeletedAt);

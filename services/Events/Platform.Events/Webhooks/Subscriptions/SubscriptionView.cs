namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>A subscription as the API shows it: everything but the secret.</summary>
public sealed record SubscriptionView(string Id, string Url, FiltersView Filters, string? Description, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(Subscription s) => new(s.Id, s.Url,
        new FiltersView(s.Filters.Types, s.Filters.Actions, s.Filters.Hosts, s.Filters.Labels), s.Description, s.CreatedAt);
}

public sealed record FiltersView(
    IReadOnlyList<string> Types, IReadOnlyList<string> Actions, IReadOnlyList<string> Hosts, IReadOnlyDictionary<string, string> Labels);

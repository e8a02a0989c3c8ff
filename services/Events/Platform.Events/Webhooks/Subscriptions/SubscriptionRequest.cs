using Platform.Events.StateLog;
using Platform.Events.Webhooks.Sending;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>The body of POST /api/v1/subscriptions, checked field by field so each mistake gets its own message.</summary>
public sealed record SubscriptionRequest(string? Url, string? Secret, FiltersRequest? Filters, string? Description)
{
    public const int MaxUrl = 2048;
    public const int MinSecret = 16;
    public const int MaxSecret = 512;
    public const int MaxDescription = 1024;
    public const int MaxFilterValues = 100;

    /// <summary>The url (normalised), secret and filters, or a 400 saying what is wrong.</summary>
    public (string Url, string Secret, SubscriptionFilters Filters, string? Description) Validate(bool allowLinkLocal)
    {
        var url = CheckUrl(Url, allowLinkLocal);
        if (string.IsNullOrEmpty(Secret)) throw Bad("secret is required: the receiver verifies each delivery's webhook-signature with it");
        if (Secret.Length is < MinSecret or > MaxSecret) throw Bad($"secret must be {MinSecret} to {MaxSecret} characters long");
        if (Secret.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal) && !IsBase64(Secret[WebhookSignature.SecretPrefix.Length..]))
            throw Bad("a secret starting with whsec_ must continue with base64 (the Standard Webhooks form)");
        if (Description?.Length > MaxDescription) throw Bad($"description is longer than {MaxDescription} characters");
        return (url, Secret, (Filters ?? new FiltersRequest(null, null, null, null)).Validate(), Description);
    }

    static string CheckUrl(string? text, bool allowLinkLocal)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Bad("url is required");
        if (text.Length > MaxUrl) throw Bad($"url is longer than {MaxUrl} characters");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw Bad($"url {text} is not an absolute URL");
        if (uri.Scheme is not ("http" or "https")) throw Bad($"url {text}: only http and https receivers are supported");
        if (uri.UserInfo.Length > 0) throw Bad("url must not carry credentials: the receiver verifies the signature instead");
        if (uri.Fragment.Length > 0) throw Bad("url must not have a fragment");
        if (WebhookAddresses.Refusal(uri.IdnHost, allowLinkLocal) is { } refusal) throw Bad($"url {text} points at {refusal}, which is refused");
        return uri.AbsoluteUri;
    }

    static bool IsBase64(string text) => text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    internal static DockerApiException Bad(string message) => DockerApiException.BadRequest(message);
}

/// <summary>filters: types, actions and hosts are lists of strings, labels an object of strings.</summary>
public sealed record FiltersRequest(List<string?>? Types, List<string?>? Actions, List<string?>? Hosts, Dictionary<string, string?>? Labels)
{
    public SubscriptionFilters Validate()
    {
        var types = Values("types", Types);
        foreach (var type in types.Where(t => !EventTypes.Known.Contains(t)))
            throw SubscriptionRequest.Bad($"filters.types: unknown type {type} (known: {string.Join(", ", EventTypes.Known)})");
        var labels = Labels ?? [];
        if (labels.Count > SubscriptionRequest.MaxFilterValues) throw SubscriptionRequest.Bad($"filters.labels: at most {SubscriptionRequest.MaxFilterValues} labels");
        foreach (var (key, value) in labels)
        {
            if (string.IsNullOrWhiteSpace(key)) throw SubscriptionRequest.Bad("filters.labels: a label name is empty");
            if (value is null) throw SubscriptionRequest.Bad($"filters.labels.{key}: the value must be a string (\"\" matches any value)");
        }
        return new SubscriptionFilters(types, Values("actions", Actions), Values("hosts", Hosts),
            labels.ToDictionary(l => l.Key, l => l.Value!, StringComparer.Ordinal));
    }

    static IReadOnlyList<string> Values(string name, List<string?>? values)
    {
        if (values is null) return [];
        if (values.Count > SubscriptionRequest.MaxFilterValues) throw SubscriptionRequest.Bad($"filters.{name}: at most {SubscriptionRequest.MaxFilterValues} values");
        if (values.Any(string.IsNullOrWhiteSpace)) throw SubscriptionRequest.Bad($"filters.{name}: values must be non-empty strings");
        return [.. values.Distinct(StringComparer.Ordinal)!];
    }
}

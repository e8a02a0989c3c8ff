namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// Exponential backoff with jitter: after the n-th failed attempt wait InitialDelay·2^(n−1), capped at MaxDelay, then
/// drawn from its upper half so receivers coming back from an outage are not hit by every subscription at once. A
/// receiver's Retry-After is honoured up to MaxDelay.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy From(WebhookOptions options) => new(options.MaxAttempts, options.InitialDelay, options.MaxDelay);

    public TimeSpan DelayAfter(int failedAttempts, double jitter, TimeSpan? retryAfter = null)
    {
        var exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * jitter));
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }
}

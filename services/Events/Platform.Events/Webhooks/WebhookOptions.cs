namespace Platform.Events.Webhooks;

/// <summary>Events:Webhooks — how deliveries are retried, timed out and where they may go.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Events:Webhooks";

    /// <summary>Attempts before a delivery is dead (a redelivery grants this many again).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; doubled each time, up to MaxDelay, with jitter.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One attempt's limit, connection to last byte of the response headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often subscriptions look for work when nothing woke them (a second instance, a missed signal).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Link-local and cloud metadata addresses are refused unless this is set; loopback is always allowed.</summary>
    public bool AllowLinkLocal { get; set; }
}

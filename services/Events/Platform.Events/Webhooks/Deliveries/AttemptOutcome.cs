namespace Platform.Events.Webhooks.Deliveries;

/// <summary>How one POST went. Retryable: a timeout, a connection error, 408, 429 or 5xx; other answers are final.</summary>
public sealed record AttemptOutcome(bool Succeeded, bool Retryable, int? StatusCode, string? Error, TimeSpan? RetryAfter = null)
{
    public static AttemptOutcome Answered(int status, string? body, TimeSpan? retryAfter) => status switch
    {
        >= 200 and < 300 => new(true, false, status, null),
        408 or 429 or >= 500 => new(false, true, status, Describe(status, body), retryAfter),
        _ => new(false, false, status, Describe(status, body)),
    };

    public static AttemptOutcome Failed(string error) => new(false, true, null, error);

    static string Describe(int status, string? body) =>
        string.IsNullOrWhiteSpace(body) ? $"the receiver answered {status}" : $"the receiver answered {status}: {body.Trim()}";
}

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// One event on its way to one subscription. Pending until a 2xx answer (delivered) or until the attempts run out or
/// the receiver refuses it for good (dead). A document, not a stream: it is the outbox of a side effect, not history;
/// every change is a pure function of the last state and the attempt's outcome.
/// </summary>
/// <param name="AttemptsBefore">Attempts made before the last redelivery: the budget counts from there.</param>
public sealed record Delivery(
    Guid Id,
    string SubscriptionId,
    Guid EventId,
    long Position,
    string EventType,
    string Status,
    int Attempts,
    int AttemptsBefore,
    int? ResponseCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static readonly string[] Statuses = [Pending, Delivered, Dead];

    public static Delivery Plan(Guid id, string subscriptionId, Guid eventId, long position, string eventType, DateTimeOffset now) =>
        new(id, subscriptionId, eventId, position, eventType, Pending, Attempts: 0, AttemptsBefore: 0, ResponseCode: null,
            LastError: null, CreatedAt: now, LastAttemptAt: null, NextAttemptAt: now, DeliveredAt: null);

    /// <summary>What one attempt's outcome makes of the delivery; <paramref name="jitter"/> in [0, 1).</summary>
    public Delivery Attempted(AttemptOutcome outcome, DateTimeOffset at, RetryPolicy policy, double jitter)
    {
        var attempted = this with { Attempts = Attempts + 1, LastAttemptAt = at, ResponseCode = outcome.StatusCode, LastError = outcome.Error };
        if (outcome.Succeeded) return attempted with { Status = Delivered, DeliveredAt = at, NextAttemptAt = null, LastError = null };
        if (!outcome.Retryable || attempted.Attempts - AttemptsBefore >= policy.MaxAttempts)
            return attempted with { Status = Dead, NextAttemptAt = null };
        return attempted with { NextAttemptAt = at + policy.DelayAfter(attempted.Attempts - AttemptsBefore, jitter, outcome.RetryAfter) };
    }

    /// <summary>Sent again, next in line for its subscription, with a fresh budget of attempts.</summary>
    public Delivery Redelivered(DateTimeOffset at) => this with { Status = Pending, AttemptsBefore = Attempts, NextAttemptAt = at };
}

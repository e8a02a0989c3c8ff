using Platform.Events.Webhooks.Deliveries;
using Xunit;

namespace Platform.Events.Tests.Unit.Webhooks;

/// <summary>A delivery's life: Given its state → When an attempt's outcome → Then the next state.</summary>
public sealed class DeliveryTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    static readonly RetryPolicy Policy = new(MaxAttempts: 3, InitialDelay: TimeSpan.FromSeconds(2), MaxDelay: TimeSpan.FromSeconds(5));
    static readonly Delivery Planned = Delivery.Plan(Guid.NewGuid(), "s", Guid.NewGuid(), 42, "platform.container.start", T0);

    [Fact]
    public void A_2xx_delivers()
    {
        var d = Planned.Attempted(AttemptOutcome.Answered(204, null, null), T0.AddSeconds(1), Policy, 0.5);

        Assert.Equal((Delivery.Delivered, 1, 204, (DateTimeOffset?)T0.AddSeconds(1), (DateTimeOffset?)null), (d.Status, d.Attempts, d.ResponseCode, d.DeliveredAt, d.NextAttemptAt));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public void A_5xx_408_or_429_is_retried_after_a_jittered_exponential_wait(int status)
    {
        var first = Planned.Attempted(AttemptOutcome.Answered(status, "busy", null), T0, Policy, jitter: 0);
        var second = first.Attempted(AttemptOutcome.Answered(status, "busy", null), T0.AddSeconds(10), Policy, jitter: 0.999999);

        Assert.Equal(Delivery.Pending, first.Status);
        Assert.Equal(T0.AddSeconds(1), first.NextAttemptAt); // 2 s, lower half of the jitter
        Assert.Equal($"the receiver answered {status}: busy", first.LastError);
        Assert.InRange(second.NextAttemptAt!.Value - T0.AddSeconds(10), TimeSpan.FromSeconds(3.99), TimeSpan.FromSeconds(4)); // 4 s, top of the jitter
    }

    [Fact]
    public void A_connection_error_is_retried_and_the_last_allowed_attempt_makes_it_dead()
    {
        var d = Planned;
        for (var i = 0; i < 3; i++) d = d.Attempted(AttemptOutcome.Failed("connection refused"), T0.AddSeconds(i), Policy, 0.5);

        Assert.Equal((Delivery.Dead, 3, "connection refused", (DateTimeOffset?)null), (d.Status, d.Attempts, d.LastError, d.NextAttemptAt));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(301)]
    public void Another_answer_is_final(int status)
    {
        var d = Planned.Attempted(AttemptOutcome.Answered(status, null, null), T0, Policy, 0.5);

        Assert.Equal((Delivery.Dead, 1, status), (d.Status, d.Attempts, d.ResponseCode));
    }

    [Fact]
    public void A_redelivery_is_pending_at_once_with_a_fresh_budget_and_keeps_its_history()
    {
        var dead = Planned;
        for (var i = 0; i < 3; i++) dead = dead.Attempted(AttemptOutcome.Failed("down"), T0, Policy, 0.5);

        var again = dead.Redelivered(T0.AddMinutes(1));
        var failedOnce = again.Attempted(AttemptOutcome.Failed("still down"), T0.AddMinutes(1), Policy, 0.5);

        Assert.Equal((Delivery.Pending, 3, (DateTimeOffset?)T0.AddMinutes(1)), (again.Status, again.Attempts, again.NextAttemptAt));
        Assert.Equal((Delivery.Pending, 4), (failedOnce.Status, failedOnce.Attempts));
    }

    [Fact]
    public void Waits_are_capped_and_retry_after_is_honoured_up_to_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Policy.DelayAfter(10, 0.999999999).RoundToSeconds());
        Assert.Equal(TimeSpan.FromSeconds(3), Policy.DelayAfter(1, 0, retryAfter: TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(5), Policy.DelayAfter(1, 0, retryAfter: TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.DelayAfter(1, 0, retryAfter: TimeSpan.FromMilliseconds(10)));
    }
}

static class TimeSpans
{
    public static TimeSpan RoundToSeconds(this TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}

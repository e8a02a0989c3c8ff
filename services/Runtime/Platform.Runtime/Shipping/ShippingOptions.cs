namespace Platform.Runtime.Shipping;

/// <summary>
/// Configuration section "Platform:Shipping": how the journal shipper coalesces entries. It ships once the journal
/// has been quiet for <see cref="Quiet"/>, or once the oldest waiting entry is <see cref="MaxDelay"/> old while
/// containers keep starting: a burst of container operations is not slowed by the broker, the events ingest and
/// PostgreSQL working through each entry in between, and its entries go out as one batch.
/// </summary>
public sealed class ShippingOptions
{
    public const string Section = "Platform:Shipping";

    public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(25);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}

namespace Platform.Runtime.Shipping;

/// <summary>What the shipper last saw of the broker; read by /readyz and /info.</summary>
public sealed class BrokerStatus
{
    public volatile bool Connected;
    public volatile string? LastError;
    public long ShippedSequence;
}

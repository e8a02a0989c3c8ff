namespace Platform.Runtime.Shipping.Heartbeats;

/// <summary>Configuration section "Platform:Heartbeat". The events service judges liveness by the same interval.</summary>
public sealed class HeartbeatOptions
{
    public const string Section = "Platform:Heartbeat";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}

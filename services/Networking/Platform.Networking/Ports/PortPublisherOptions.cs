namespace Platform.Networking.Ports;

/// <summary>Tuning for published ports; the defaults are Docker's (ephemeral range 32768–60999).</summary>
public sealed record PortPublisherOptions
{
    public int EphemeralFirst { get; init; } = 32768;
    public int EphemeralLast { get; init; } = 60999;

    /// <summary>How long a new TCP connection waits for the container to accept before it is closed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a UDP client's upstream socket lives without traffic in either direction.</summary>
    public TimeSpan UdpIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Bytes moved per read; one buffer is rented only while a direction has data waiting.</summary>
    public int CopyBufferSize { get; init; } = 128 * 1024;
}

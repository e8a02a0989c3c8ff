using System.Net;

namespace Platform.Networking.Ports;

/// <summary>
/// One host binding to publish: <paramref name="Protocol"/> is <c>tcp</c> or <c>udp</c>; <paramref name="HostIp"/>
/// <c>""</c> means every address (0.0.0.0 and, where the host has IPv6, [::]); <paramref name="HostPort"/> 0 picks an
/// ephemeral port. Ranges such as <c>8000-8002:80-82</c> arrive already expanded, one request per port.
/// </summary>
public sealed record PortRequest(string Protocol, string HostIp, int HostPort, IPAddress Target, int TargetPort);

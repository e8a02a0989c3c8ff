namespace Platform.Networking.Ports;

/// <summary>
/// A binding as Docker reports it in <c>NetworkSettings.Ports</c>: one per bound address, so a request for all
/// addresses yields <c>0.0.0.0</c> and <c>::</c> entries with the same <paramref name="HostPort"/>.
/// </summary>
public sealed record PublishedPort(string Protocol, string HostIp, int HostPort, int TargetPort);

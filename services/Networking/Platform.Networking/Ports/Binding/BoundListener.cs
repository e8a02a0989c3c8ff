using System.Net.Sockets;

namespace Platform.Networking.Ports.Binding;

/// <summary>A socket bound (and, for TCP, listening) on the host for one request, and how it is reported.</summary>
public sealed record BoundListener(Socket Socket, PortRequest Request, PublishedPort Published);

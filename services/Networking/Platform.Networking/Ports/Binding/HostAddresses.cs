using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Binding;

/// <summary>The host addresses a request binds: "" is 0.0.0.0 plus [::] (optional: skipped where IPv6 is missing).</summary>
static class HostAddresses
{
    public static IReadOnlyList<IPAddress> For(PortRequest request)
    {
        if (request.HostIp.Length == 0)
            return Socket.OSSupportsIPv6 ? [IPAddress.Any, IPAddress.IPv6Any] : [IPAddress.Any];
        if (IPAddress.TryParse(request.HostIp.Trim('[', ']'), out var address)) return [address];
        throw PortError.Invalid($"invalid host IP address: {request.HostIp}");
    }

    /// <summary>True when a failure on this address means "no IPv6 here", not "port taken".</summary>
    public static bool IsOptional(PortRequest request, IPAddress address, SocketError error) =>
        request.HostIp.Length == 0 && address.AddressFamily == AddressFamily.InterNetworkV6 &&
        error is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported or SocketError.ProtocolNotSupported;
}

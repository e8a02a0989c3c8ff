using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Binding;

/// <summary>
/// Binds the host side of requests. An explicit port that is taken is Docker's "port is already allocated"; an
/// ephemeral port is searched from a rolling cursor over the range (as Docker's allocator does), the same port for
/// the IPv4 and IPv6 sockets. Not thread-safe: the publisher serialises calls.
/// </summary>
sealed class HostBinder(PortPublisherOptions options)
{
    int next = options.EphemeralFirst;

    public IReadOnlyList<BoundListener> Bind(PortRequest request)
    {
        Validate(request);
        var addresses = HostAddresses.For(request);
        if (request.HostPort != 0)
            return TryBindAt(request, addresses, request.HostPort, out var taken) ?? throw PortError.AlreadyAllocated(taken!, request.HostPort);
        var rangeSize = options.EphemeralLast - options.EphemeralFirst + 1;
        for (var attempt = 0; attempt < rangeSize; attempt++)
        {
            var port = next;
            next = port == options.EphemeralLast ? options.EphemeralFirst : port + 1;
            if (TryBindAt(request, addresses, port, out _) is { } bound) return bound;
        }
        throw PortError.NoFreePort(request.Protocol, addresses[0]);
    }

    /// <summary>Binds every address at one port, or none: null with the address that was taken.</summary>
    static List<BoundListener>? TryBindAt(PortRequest request, IReadOnlyList<IPAddress> addresses, int port, out IPAddress? taken)
    {
        var bound = new List<BoundListener>(addresses.Count);
        taken = null;
        foreach (var address in addresses)
        {
            var error = ListenerSocket.TryOpen(request.Protocol, address, port, out var socket);
            if (error is null)
            {
                bound.Add(new BoundListener(socket!, request, new PublishedPort(request.Protocol, address.ToString(), port, request.TargetPort)));
                continue;
            }
            if (HostAddresses.IsOptional(request, address, error.SocketErrorCode)) continue;
            foreach (var listener in bound) listener.Socket.Dispose();
            if (error.SocketErrorCode == SocketError.AddressAlreadyInUse) { taken = address; return null; }
            throw PortError.CannotListen(request.Protocol, address, port, error.Message);
        }
        return bound;
    }

    static void Validate(PortRequest request)
    {
        if (request.Protocol is not ("tcp" or "udp")) throw PortError.Invalid($"unsupported protocol for a published port: {request.Protocol}");
        if (request.HostPort is < 0 or > 65535) throw PortError.Invalid($"invalid host port: {request.HostPort}");
        if (request.TargetPort is < 1 or > 65535) throw PortError.Invalid($"invalid container port: {request.TargetPort}");
    }
}

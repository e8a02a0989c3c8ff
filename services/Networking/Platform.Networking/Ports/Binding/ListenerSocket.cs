using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Binding;

/// <summary>Opens one host socket: TCP bound and listening, UDP bound; IPv6 sockets are v6-only.</summary>
static class ListenerSocket
{
    const int Backlog = 512;

    /// <summary>Null when bound, else the failure (the caller tells a taken port from a missing address).</summary>
    public static SocketException? TryOpen(string protocol, IPAddress address, int port, out Socket? socket)
    {
        socket = null;
        Socket candidate;
        try
        {
            candidate = protocol == "udp"
                ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        }
        catch (SocketException e) { return e; }
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6) candidate.DualMode = false;
            candidate.Bind(new IPEndPoint(address, port));
            if (protocol == "tcp") candidate.Listen(Backlog);
            socket = candidate;
            return null;
        }
        catch (SocketException e)
        {
            candidate.Dispose();
            return e;
        }
    }
}

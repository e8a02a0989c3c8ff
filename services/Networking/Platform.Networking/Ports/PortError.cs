using System.Net;

namespace Platform.Networking.Ports;

/// <summary>A publish refused, with the HTTP status and message Docker answers with.</summary>
public sealed class PortError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static PortError AlreadyAllocated(IPAddress address, int port) =>
        new(500, $"Bind for {address}:{port} failed: port is already allocated");

    public static PortError NoFreePort(string protocol, IPAddress address) =>
        new(500, $"Bind for {address}:0 failed: all {protocol} ports in the ephemeral range are allocated");

    public static PortError CannotListen(string protocol, IPAddress address, int port, string reason) =>
        new(500, $"Error starting userland proxy: listen {protocol}{Family(address)} {Endpoint(address, port)}: bind: {reason}");

    public static PortError Invalid(string message) => new(400, message);

    static string Family(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "6" : "4";

    static string Endpoint(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}

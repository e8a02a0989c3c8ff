using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Networking.Tests.Integration.Ports;

static class Loopback
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A port free on every address right now (the kernel's pick, released again).</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public static bool CanBind(string protocol, IPAddress address, int port)
    {
        using var socket = protocol == "udp"
            ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            if (protocol == "tcp") socket.Listen();
            return true;
        }
        catch (SocketException) { return false; }
    }

    public static async Task<Socket> ConnectAsync(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(address, port)).WaitAsync(Patience);
        return socket;
    }

    /// <summary>Everything the peer sends until it ends its output.</summary>
    public static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Patience)) > 0) received.Write(buffer, 0, read);
        return Encoding.ASCII.GetString(received.ToArray());
    }

    public static Task SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.ASCII.GetBytes(text).AsMemory()).AsTask();
}

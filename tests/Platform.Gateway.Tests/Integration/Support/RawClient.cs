using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Gateway.Tests.Integration.Support;

public enum Listener { UnixSocket, Tcp }

/// <summary>A client speaking HTTP/1.1 by hand, as Docker clients do on a hijacked connection.</summary>
public sealed class RawClient(Socket socket) : IAsyncDisposable
{
    readonly NetworkStream _stream = new(socket, ownsSocket: true);
    byte[] _pending = [];

    public Socket Socket => socket;

    public static async Task<RawClient> ConnectAsync(GatewayProcess gateway, Listener listener)
    {
        if (listener == Listener.UnixSocket)
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(gateway.SocketPath));
            return new RawClient(unix);
        }
        return await ConnectTcpAsync(gateway.TcpPort);
    }

    public static async Task<RawClient> ConnectTcpAsync(int port)
    {
        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await tcp.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawClient(tcp);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Half-close: the client will send nothing more but keeps reading.</summary>
    public void ShutdownSend() => socket.Shutdown(SocketShutdown.Send);

    /// <summary>The response head through its blank line, exactly as received.</summary>
    public async Task<string> ReadHeadAsync()
    {
        var buffer = new MemoryStream();
        buffer.Write(_pending);
        var chunk = new byte[4096];
        while (true)
        {
            if (TrySplitHead(buffer, out var head)) return head;
            var read = await _stream.ReadAsync(chunk);
            if (read == 0) throw new EndOfStreamException($"EOF inside the response head: {Encoding.Latin1.GetString(buffer.ToArray())}");
            buffer.Write(chunk, 0, read);
        }
    }

    bool TrySplitHead(MemoryStream buffer, out string head)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var end = bytes.IndexOf("\r\n\r\n"u8);
        head = end < 0 ? "" : Encoding.Latin1.GetString(bytes[..(end + 4)]);
        if (end >= 0) _pending = bytes[(end + 4)..].ToArray();
        return end >= 0;
    }

    /// <summary>Everything after the head until the server closes the connection.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new MemoryStream();
        all.Write(_pending);
        _pending = [];
        await _stream.CopyToAsync(all);
        return all.ToArray();
    }

    /// <summary>Exactly <paramref name="count"/> bytes after the head.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        var result = new byte[count];
        var fromPending = Math.Min(count, _pending.Length);
        _pending.AsSpan(0, fromPending).CopyTo(result);
        _pending = _pending[fromPending..];
        await _stream.ReadExactlyAsync(result.AsMemory(fromPending));
        return result;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
